package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change of the KV cache's type ("what if I use q8_0 for the KV cache?", --cache-type-k q4_0, kv_cache_dtype=fp8):
 * the cache scales by the bits per value against the default 16; the weights do not change. Said as the cache's
 * type, "q8_0" is not the weights' quantization.
 */
final class KvCacheTypes {
    // Q8, Q6 and Q4 are ExLlama's cache modes (its quantized cache keeps about that many bits a value)
    private static final String TYPE = "(q8_0|q4_0|q4_1|q5_0|q5_1|iq4_nl|fp8(?:_e4m3|_e5m2)?|8[-_ ]?bit|4[-_ ]?bit"
            + "|q[468](?!\\w))";
    /** The type the change starts from: "q8_0 instead of q4_0", "fp8 rather than the default fp16". */
    private static final Pattern FROM = Pattern.compile("(?i)\\b(?:instead of|rather than|than|from|vs\\.?|versus)"
            + "\\s+(?:the\\s+)?(?:default\\s+)?(?:kv\\s+)?(?:" + TYPE
            + "|(f16|fp16|bf16|float16|16[-_ ]?bit))(?!\\w)");
    private static final Pattern SAID = Pattern.compile("(?i)\\b" + TYPE + "\\s+(?:for|on|in|as)\\s+(?:the\\s+)?"
            + "(?:kv|k/v|context)[-_ ]?cache"
            + "|(?:kv|k/v)[-_ ]?cache\\s+(?:type\\s+|dtype\\s+|in\\s+|to\\s+|as\\s+|at\\s+)?" + TYPE
            + "|(?:--?cache-type-[kv]|-ct[kv]|kv[-_]cache[-_]dtype|ollama_kv_cache_type)\\s*[=:]?\\s*" + TYPE
            // "with the fp8 cache?", "a Q6 cache mode": the type before the word cache, kv or not
            + "|\\b" + TYPE + "\\s+(?:(?:kv|k/v)[-_ ]?)?cache\\b");
    /** Bits per cached value with the block scales (llama.cpp's types; fp8 has none). */
    private static final Map<String, Double> BITS = withOthers();
    private static final double DEFAULT_BITS = 16;

    private KvCacheTypes() {}

    /** The text with every type said for the KV cache blanked: what is left names the weights' format only. */
    static String withoutCacheTypes(String text) { return SAID.matcher(text).replaceAll(" "); }

    /** Whether the text names a type for the KV cache. */
    static boolean said(String text) { return SAID.matcher(text).find(); }

    static String of(Calculations.Ask a) {
        Matcher m = SAID.matcher(a.text());
        if (!m.find()) return null;
        String type = null;
        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) type = m.group(g);
        Double bits = bits(type);
        if (bits == null) return null;
        String from = "f16";
        double base = DEFAULT_BITS;
        Matcher f = FROM.matcher(a.text());
        if (f.find()) {
            String said = f.group(1) != null ? f.group(1) : f.group(2);
            if (bits(said) != null) {
                from = said;
                base = bits(said);
            }
        }
        double r = bits / base;
        // 8.5 of 16 bits is "about half" in the words people use for it, 4.5 "about a quarter", 8.5 of 4.5 "about
        // double".
        String words = Math.abs(r - 0.5) < 0.06 ? Messages.get("kvtype.half")
                : Math.abs(r - 0.25) < 0.06 ? Messages.get("kvtype.quarter")
                : Math.abs(r - 2) < 0.15 ? Messages.get("kvtype.double") : "";
        return Messages.get("kvtype.line", from, type, String.format(Locale.ROOT, "%.2f", r) + words, fmt(bits),
                fmt(base), fmt(1 / r));
    }

    private static Double bits(String type) {
        String key = type.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
        if (key.startsWith("fp8")) key = "fp8";
        return BITS.getOrDefault(key, BITS.get(type.toLowerCase(Locale.ROOT)));
    }

    /** ggml's block types, fp8 (no scales) and "8-bit" / "4-bit" read as llama.cpp's Q8_0 / Q4_0. */
    private static Map<String, Double> withOthers() {
        Map<String, Double> all = new java.util.HashMap<>(GgmlBits.BITS);
        all.put("fp8", 8.0);
        all.put("8bit", GgmlBits.of("q8_0"));
        all.put("4bit", GgmlBits.of("q4_0"));
        for (String sixteen : new String[] {"f16", "fp16", "bf16", "float16", "16bit"}) all.put(sixteen, DEFAULT_BITS);
        all.put("q8", 8.0);
        all.put("q6", 6.0);
        all.put("q4", 4.0);
        return Map.copyOf(all);
    }

    private static String fmt(double v) { return GgmlBits.fmt(v); }
}
