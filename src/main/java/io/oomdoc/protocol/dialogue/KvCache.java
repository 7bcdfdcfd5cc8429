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
 * "How big is command-R's KV cache at 8192?": keys and values for every layer and every KV head, per token, times the
 * tokens. Grouped-query attention (fewer KV heads than query heads) is what makes one model's cache a fraction of
 * another's of the same size.
 */
final class KvCache {
    private static final Pattern ASKS = Pattern.compile("(?i)\\bkv\\b|kv[-_ ]?cache|\\bcache\\b|\\bcontext\\b"
            + "|\\bctx\\b|num_ctx|n_ctx|max[-_ ]model[-_ ]len|max[-_ ]seq[-_ ]len|context[-_ ]length"
            // TGI sizes its KV cache for --max-batch-total-tokens: that count is the cache's length.
            + "|max[-_ ]batch[-_ ]total[-_ ]tokens");
    // "num_ctx 4096." at a sentence's end is a length; "4096.5" is not; nor is the 2411 joined by a hyphen to the
    // name before it (Mistral-Large-Instruct-2411-Q8_0.gguf), a release in the model's name
    private static final Pattern TOKENS = Pattern.compile("(?i)(?<![\\w.])(?<!\\w-)(\\d{3,7}|\\d+(?:\\.\\d+)?k)"
            + "(?!\\w|\\.\\d)(?!\\s*(?:gb|gib|mb|mib|g|m|b|%|x|×))");
    /** 16-bit cache unless the turn or the turns before name an 8-bit one (--kv-cache-dtype fp8, q8_0). */
    private static final Pattern EIGHT_BIT = Pattern.compile("(?i)kv[-_ ]cache[-_ ]dtype\\W+fp8|cache[-_ ]type[-_ ]"
            + "[kv]\\W+q8|\\bfp8 (?:kv|cache)");

    private static final Pattern CAP = Pattern.compile("(?i)\\b(?:cap|limit|set|lower|reduce|cut|drop)\\w*\\b.{0,20}"
            + "\\b(?:at|to)\\s+\\d");

    private static final Pattern TOKEN_COUNT = Pattern.compile("(?i)\\b\\d+(?:\\.\\d+)?k?\\s*tokens\\b");

    /** "how much KV cache does one token take", "for this model one token is 0.25 MB of KV cache, right?" */
    private static final Pattern PER_TOKEN = Pattern.compile("(?i)\\b(?:one|a|per|each|a single|every) token\\b");
    /** "what does that cost in memory for a 7B llama with f16 cache?": a size asked with no length named. */
    private static final Pattern HOW_MUCH = Pattern.compile("(?i)\\bhow (?:much|big|large)\\b|\\bcosts?\\b");

    private static final long THOUSAND = 1000;
    /** Words that make the number after them a dimension of the model, not a length. */
    private static final Pattern SHAPE_BEFORE = Pattern.compile("(?i)\\b(?:hidden(?:[-_ ]size|[-_ ]dim\\w*)?"
            + "|d_model|head[-_ ]dim|vocab\\w*|heads?|layers?)(?:\\s+(?:is|of|=))?\\s*$");
    private static final Pattern SHAPE_AFTER = Pattern.compile("(?i)[- ](?:layers?|heads?|dims?|hidden)\\b");
    private static final int SHAPE_WINDOW = 30;

    private KvCache() {}

    static String of(Calculations.Ask a) {
        // "what if i cap it at 8192" after a question about the cache: the length is the cache's.
        boolean asked = ASKS.matcher(a.text()).find()
                || CAP.matcher(a.text()).find() && ASKS.matcher(a.withContext()).find()
                // "so at 32k tokens for 4 slots?" after the cache's size per token: a length for the same cache
                || TOKEN_COUNT.matcher(a.text()).find() && ASKS.matcher(a.earlier()).find();
        if (!asked) return null;
        long tokens = length(a.text());
        boolean counted = tokens >= 256 && tokens <= 10_000_000;
        // Per token is the figure every length multiplies: asked for outright, or a size asked with no length.
        boolean perToken = !counted && (PER_TOKEN.matcher(a.text()).find() || HOW_MUCH.matcher(a.text()).find());
        if (!counted && !perToken) return null;
        // "and with n_ctx 131072?": the dimensions quoted a few turns before still size this cache
        String given = !counted ? null : fromDimensions(a.text(), tokens) != null ? fromDimensions(a.text(), tokens)
                : fromDimensions(a.withContext(), tokens);
        if (given != null) return given;
        // "40 layers and 40 attention heads of 128: how much KV cache is one token?": the quoted shape, per token
        Dimensions quoted = perToken ? dimensions(a.text()) : null;
        if (quoted != null) {
            return Messages.get("kv.dims.token", quoted.layers(), quoted.kvHeads(), quoted.headDim(), quoted.bytes(),
                    Sizes.human(quoted.perToken()), Sizes.human(quoted.perToken() * THOUSAND));
        }
        Optional<ModelSpec> spec = model(a.text(), a.facts());
        if (spec.isEmpty()) spec = model(a.withContext(), a.facts());
        if (spec.isEmpty() || !spec.get().hasArchitecture()) return null;
        ModelSpec m = spec.get();
        int bytes = EIGHT_BIT.matcher(a.withContext()).find() ? 1 : 2;
        long perTok = m.kvBytesPerToken(bytes);
        if (perToken) {
            return Messages.get("kv.token", m.name(), m.layers(), m.kvHeads(), m.heads(), m.headDim(), bytes,
                    Sizes.human(perTok), Sizes.human(perTok * THOUSAND));
        }
        return Messages.get("kv.size", m.name(), m.layers(), m.kvHeads(), m.heads(), m.headDim(), bytes,
                Sizes.human(perTok), String.format(Locale.ROOT, "%,d", tokens), Sizes.human(perTok * tokens))
                + many(a.text(), (double) perTok * tokens);
    }

    private static final Pattern LAYERS = Pattern.compile("(?i)(\\d+)\\s*(?:transformer |decoder )?layers\\b"
            + "|\\b(?:num_hidden_layers|n_layers?|layers)\\s*[=:]\\s*(\\d+)");
    private static final Pattern KV_HEADS = Pattern.compile("(?i)(\\d+)\\s*(?:kv|key[- ]value)[- _]heads\\b"
            + "|\\b(?:num_key_value_heads|n_kv_heads|kv[- _]heads)\\s*[=:]\\s*(\\d+)");
    // "4 KV heads of 128", "40 attention heads of 128": the size after "heads of" is each head's
    private static final Pattern HEAD_DIM = Pattern.compile("(?i)\\bhead[-_ ]dim(?:ension)?\\s*(?:of|=|:)?\\s*(\\d+)"
            + "|(\\d+)\\s*head[-_ ]dim|\\bheads?\\s+of\\s+dim(?:ension)?\\s+(\\d+)"
            + "|\\bheads?\\s+of\\s+(\\d{2,3})(?!\\w|\\.\\d)");
    /** "40 attention heads": without a KV-head count the model keeps keys and values for every head. */
    private static final Pattern HEADS = Pattern.compile("(?i)(\\d+)\\s*(?:attention |query )?heads\\b");
    private static final Pattern NAMES_KV = Pattern.compile("(?i)\\bkv[- _]heads|key[- ]value[- _]heads"
            + "|num_key_value_heads|\\bgqa\\b|grouped[- ]query");
    private static final Pattern NO_GQA = Pattern.compile("(?i)\\bno (?:gqa|grouped[- ]query)|without (?:gqa"
            + "|grouped[- ]query)|multi[- ]head attention|\\bmha\\b");
    private static final Pattern ONE_BYTE = Pattern.compile("(?i)\\b(?:fp8|int8|8[- ]?bit|q8_0)\\b");
    private static final Pattern FOUR_BYTES = Pattern.compile("(?i)\\b(?:fp32|float32)\\b");

    /**
     * "the cache is 36 layers x 8 KV heads x head dim 128, K and V, in bf16, for max_seq_len 32768": a model's
     * dimensions quoted from its config size the cache without a catalog entry; null unless all three are given.
     */
    private static String fromDimensions(String text, long tokens) {
        Dimensions d = dimensions(text);
        if (d == null) return null;
        return Messages.get("kv.dims", d.layers(), d.kvHeads(), d.headDim(), d.bytes(), Sizes.human(d.perToken()),
                String.format(Locale.ROOT, "%,d", tokens), Sizes.human((double) d.perToken() * tokens))
                + many(text, (double) d.perToken() * tokens);
    }

    /** A cache's shape as a question quotes it: layers, KV heads, each head's size and bytes per value. */
    record Dimensions(int layers, int kvHeads, int headDim, int bytes) {
        long perToken() { return 2L * layers * kvHeads * headDim * bytes; }
    }

    /**
     * The dimensions quoted in the text, or null unless layers, KV heads and head size are all there. "40 attention
     * heads of 128, no grouped-query attention" names the KV heads too: every head keeps its keys and values.
     */
    static Dimensions dimensions(String text) {
        Integer layers = number(LAYERS, text), kvHeads = number(KV_HEADS, text), headDim = number(HEAD_DIM, text);
        if (kvHeads == null && (!NAMES_KV.matcher(text).find() || NO_GQA.matcher(text).find())) {
            kvHeads = number(HEADS, text);
        }
        if (layers == null || kvHeads == null || headDim == null) return null;
        int bytes = ONE_BYTE.matcher(text).find() ? 1 : FOUR_BYTES.matcher(text).find() ? 4 : 2;
        return new Dimensions(layers, kvHeads, headDim, bytes);
    }

    /** The first length in the text that is not one of the model's dimensions (256 tokens or more), or 0. */
    static long lengthAsked(String text) {
        long n = length(text);
        return n >= 256 && n <= 10_000_000 ? n : 0;
    }

    private static Integer number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) return null;
        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return Integer.valueOf(m.group(g));
        return null;
    }

    private static Optional<ModelSpec> model(String text, Facts held) {
        FactExtractor.Reading r = FactExtractor.read(text);
        for (Facts f : new Facts[]{r.asserted(), r.hypothetical(), held}) {
            if (f.model() != null) {
                Optional<ModelSpec> s = ModelCatalog.find(f.model());
                if (s.isPresent()) return s;
            }
        }
        return Optional.empty();
    }

    /**
     * "with 60 layers and hidden size 6656, and for a full 2048-token sequence": the first number that is not one of
     * the model's own dimensions is the length; 0 when there is none.
     */
    private static long length(String text) {
        // "by default I'd only get 512 tokens. what would 4096 tokens cost?": the question's own length is the one
        // asked
        String[] sentences = SENTENCE.split(text.strip());
        for (int i = sentences.length - 1; i > 0; i--) {
            if (!sentences[i].contains("?")) continue;
            long n = firstLength(sentences[i]);
            if (n >= MIN_LENGTH) return n;
            break;
        }
        return firstLength(text);
    }

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=\\S)");
    private static final long MIN_LENGTH = 256;
    /** "at 32k tokens for 4 slots", "8 concurrent requests": every sequence keeps a cache of that length. */
    private static final Pattern SEQUENCES = Pattern.compile("(?i)\\bfor (\\d{1,4}) (?:slots?|sequences?|requests?"
            + "|users?|clients?|streams?)\\b|\\b(\\d{1,4}) (?:concurrent|parallel|simultaneous) (?:slots?|sequences?"
            + "|requests?|users?|clients?|streams?)\\b|\\bbatch (?:of )?(\\d{1,4}) sequences\\b");

    /** How many sequences the turn asks the cache for; 1 when it names none. */
    static int sequences(String text) {
        Integer n = number(SEQUENCES, text);
        return n == null || n < 1 ? 1 : n;
    }

    /** " For 4 sequences of that length: 16 GiB." when the turn names several, else "". */
    private static String many(String text, double oneSequence) {
        int n = sequences(text);
        return n <= 1 ? "" : " " + Messages.get("kv.many", n, Sizes.human(oneSequence * n));
    }

    private static long firstLength(String text) {
        Matcher t = TOKENS.matcher(text);
        while (t.find()) {
            String before = text.substring(Math.max(0, t.start() - SHAPE_WINDOW), t.start());
            boolean shape = SHAPE_BEFORE.matcher(before).find()
                    || SHAPE_AFTER.matcher(text.substring(t.end())).lookingAt();
            if (!shape) return tokens(t.group(1));
        }
        return 0;
    }

    private static long tokens(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.endsWith("k") ? Math.round(Double.parseDouble(l.substring(0, l.length() - 1)) * 1024)
                : Long.parseLong(l);
    }
}
