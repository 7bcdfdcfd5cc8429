package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.ModelSpec;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How many users of 4096 tokens fit in what's left of the 24 GB?", "how much KV do 4 slots of 131072 tokens need,
 * and does that fit on one 32 GB card?": a server keeps one KV cache per sequence it runs at once, so the count that
 * fits is what the card has left after the weights divided by one sequence's cache, and N sequences need N caches.
 * The cache per token comes from the dimensions the question quotes, or from the catalog's shape of the model named.
 */
final class SequencesThatFit {
    /** "how many users ... fit", "how many parallel bot queries fit on my 8 GB card", "how many can I serve". */
    private static final Pattern HOW_MANY = Pattern.compile("(?i)\\bhow many\\b[^.?!]{0,60}?\\b(?:fit|fits|run|serve"
            + "|at once|in parallel|concurrent\\w*|simultaneous\\w*)\\b");
    /** "4 slots of 131072 tokens", "8 users at 4096 tokens", "3 concurrent requests with 32k". */
    private static final Pattern SEQUENCES = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4})\\s+(?:parallel |concurrent "
            + "|simultaneous )?(?:slots?|users?|sequences?|requests?|sessions?|clients?|queries|query|conversations?"
            + "|chats?)\\s+(?:of|at|with)\\b");
    /** Asks whether it fits, or what the caches take: "does that fit", "how much ... need". */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bfits?\\b|\\bhow much\\b|\\bneed\\b|\\btake\\b");
    /** "the model takes 12 GB", "weights are 16 GB", "llama3.2:3b (about 2 GB)": the weights' size, said. */
    private static final Pattern WEIGHTS = Pattern.compile("(?i)\\b(?:model|weights|gguf|checkpoint|file)\\s+"
            + "(?:itself\\s+)?(?:takes|is|are|uses|needs|weighs|occupies)\\s+(?:about\\s+|around\\s+|~\\s*)?"
            + "(\\d+(?:\\.\\d+)?)\\s*(gb|gib)\\b|\\(\\s*(?:about\\s+|around\\s+|~\\s*)?(\\d+(?:\\.\\d+)?)\\s*(gb|gib)"
            + "\\s*\\)");
    /** The share of the card kept for the CUDA context, the allocator's slack and the engine's buffers. */
    private static final double HEADROOM = 0.1;
    private static final double GIB = 1L << 30;

    private SequencesThatFit() {}

    /** The caches against the card, or null when the turn asks no such count or its cache cannot be sized. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        Matcher n = SEQUENCES.matcher(t);
        boolean stated = n.find() && ASKS.matcher(t).find();
        if (!stated && !HOW_MANY.matcher(t).find()) return null;
        Facts said = FactExtractor.read(t).named();
        long length = KvCache.lengthAsked(t);
        if (length == 0 && a.facts().seqLen() != null) length = a.facts().seqLen();
        Long card = said.gpuMemBytes() != null ? said.gpuMemBytes() : a.facts().gpuMemBytes();
        String shape = shape(a, said);
        long perToken = perToken(a, said);
        if (length == 0 || perToken <= 0) return null;
        double perSequence = (double) perToken * length;
        String head = Messages.get("sequences.each", shape, Sizes.human(perToken),
                String.format(Locale.ROOT, "%,d", length), Sizes.human(perSequence));
        Double weights = weights(t);
        if (weights == null && !a.withContext().equals(t)) weights = weights(a.withContext());
        if (stated) {
            int count = Integer.parseInt(n.group(1));
            double all = count * perSequence;
            if (card == null) return head + "\n" + Messages.get("sequences.total", count, Sizes.human(all));
            double need = all + (weights == null ? 0 : weights);
            String key = need > card ? "sequences.over" : need > card * (1 - HEADROOM) ? "sequences.tight"
                    : "sequences.within";
            return head + "\n" + Messages.get(key, count, Sizes.human(all), Sizes.human(card), weights == null
                    ? Messages.get("sequences.noweights") : Messages.get("sequences.weights", Sizes.human(weights)));
        }
        // without the weights' size said the count would be guessed: a served setup's pool (ServingPool) answers it
        if (card == null || weights == null) return null;
        double w = weights;
        long most = (long) Math.floor((card - w) / perSequence);
        long kept = Math.max(0, (long) Math.floor((card * (1 - HEADROOM) - w) / perSequence));
        if (most <= 0) return head + "\n" + Messages.get("sequences.none", Sizes.human(w), Sizes.human(card));
        return head + "\n" + Messages.get("sequences.count",
                Sizes.human(card), Sizes.human(w), Sizes.human(card - w), most,
                String.format(Locale.ROOT, "%,d", length), kept);
    }

    /** The cache's bytes per token: the quoted shape, else the catalog's shape of the model named or held. */
    private static long perToken(Calculations.Ask a, Facts said) {
        KvCache.Dimensions d = KvCache.dimensions(a.text());
        if (d != null) return d.perToken();
        return model(said, a.facts()).map(m -> m.kvBytesPerToken(2)).orElse(0L);
    }

    private static String shape(Calculations.Ask a, Facts said) {
        KvCache.Dimensions d = KvCache.dimensions(a.text());
        // the message's value cannot start with a space (properties trim it): the space before the shape is added here
        if (d != null) return " " + Messages.get("sequences.dims", d.layers(), d.kvHeads(), d.headDim(), d.bytes());
        return model(said, a.facts()).map(m -> " " + Messages.get("sequences.model", m.name(), m.layers(),
                m.kvHeads(), m.headDim())).orElse("");
    }

    private static Optional<ModelSpec> model(Facts said, Facts held) {
        for (Facts f : new Facts[] {said, held}) {
            if (f.model() == null) continue;
            Optional<ModelSpec> s = ModelCatalog.find(f.model());
            if (s.isPresent() && s.get().hasArchitecture()) return s;
        }
        return Optional.empty();
    }

    /** The weights' size said in the text, in bytes, or null. */
    private static Double weights(String text) {
        Matcher m = WEIGHTS.matcher(text);
        if (!m.find()) return null;
        String v = m.group(1) != null ? m.group(1) : m.group(3);
        // the card said in GB is held in GiB (FactExtractor): the model's GB are read the same way, like with like
        return Double.parseDouble(v) * GIB;
    }
}
