package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reading pipeline: find mentions (lexicon words, numbers with roles, GPU and model names), sort each into
 * asserted or hypothetical by its clause, apply negation, and resolve each side into facts.
 */
public final class FactReader {
    private FactReader() {}

    public static FactExtractor.Reading read(String text) {
        String lower = lower(text);
        Clauses clauses = new Clauses(lower);
        Attribution attribution = new Attribution(lower);
        List<Mention> all = new ArrayList<>();
        all.addAll(Lexicon.get().find(lower));
        all.addAll(Quantities.find(lower));
        all.addAll(Names.find(lower, text));
        all.addAll(PrintedParams.find(lower));
        all = Changes.latest(lower, all);
        all = FailedRun.keep(lower, all);
        all = DiffLines.keep(lower, all);
        all = DeniedNames.keep(all, clauses);

        List<Mention> asserted = new ArrayList<>(), hypothetical = new ArrayList<>();
        Set<String> negated = new LinkedHashSet<>();
        Set<String> usersOwn = new HashSet<>();
        for (Mention m : all) if (!attribution.othersHardware(m)) usersOwn.add(Attribution.group(m));
        for (Mention m : all) {
            // a card someone else measured or requires is not the user's: dropped where the user names one of their
            // own, else only wondered about (the card a README's recipe or a quoted figure is about)
            boolean others = attribution.othersHardware(m);
            if (others && usersOwn.contains(Attribution.group(m))) continue;
            boolean hyp = others || clauses.mode(m) == Clauses.Mode.HYPOTHETICAL;
            List<Mention> side = hyp ? hypothetical : asserted;
            if (!m.onNegation().equals(".") && isLexical(m) && clauses.negated(m)) {
                String neg = m.onNegation();
                if (neg.isEmpty()) { if (!hyp) negated.add(m.key()); }
                else if (neg.startsWith("!")) { if (!hyp) negated.add(neg.substring(1)); }
                else for (String kv : neg.split(";")) {
                    int eq = kv.indexOf('=');
                    Mention instead = m.withKeyValue(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    if (side.stream().noneMatch(o -> o.start() == instead.start()
                            && o.key().equals(instead.key()))) side.add(instead);
                }
                continue;
            }
            side.add(m);
        }
        Facts a = Resolver.resolve(asserted);
        negated.removeIf(k -> a.asMap().containsKey(k));
        return new FactExtractor.Reading(a, Set.copyOf(negated), Resolver.resolve(hypothetical));
    }

    /** Lexicon words can be negated; numbers and names cannot ("not one" is handled where counts are read). */
    private static boolean isLexical(Mention m) {
        return m.rank() >= 0 && !List.of("gpu", "model", "params", "batch", "seq", "gpus", "lora_rank", "depth",
                "grad_accum",
                "total_batch", "host_ram", "params.total", "params.trainable", "size.stated", "size.capacity",
                "size.total").contains(m.key());
    }

    /** Lower case, one char for one char, so positions match the original text. */
    static String lower(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
        return new String(c);
    }
}
