package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.Map;

/**
 * Bits per value of llama.cpp's block types, their scales included (ggml's block layouts: Q4_0 is 32 4-bit values
 * and one fp16 scale = 4.5 bits; Q8_0 8.5; Q6_K 6.56), read by the weights' and the KV cache's calculations alike.
 */
final class GgmlBits {
    static final Map<String, Double> BITS = Map.of("q4_0", 4.5, "q4_1", 5.0, "q5_0", 5.5, "q5_1", 6.0, "q6_k", 6.56,
            "q8_0", 8.5, "iq4_nl", 4.5);

    /**
     * Average bits per weight of llama.cpp's K-quant file mixes (a mix keeps some tensors at a higher type), as the
     * k-quants pull request (ggerganov/llama.cpp#1684) measured them on LLaMA-7B; a weights' size only, never a
     * cache type.
     */
    static final Map<String, Double> MIXES = Map.of("q2_k", 2.63, "q3_k_m", 3.91, "q4_k_s", 4.58, "q4_k_m", 4.85,
            "q5_k_s", 5.54, "q5_k_m", 5.69, "q6_k", 6.56);
    /** "Q4_K_M", "q5_0", "IQ4_NL": a GGUF type named. */
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "(?i)(?<![\\w-])(i?q\\d_(?:k(?:_[sml])?|\\d|nl))(?![\\w-])");

    private GgmlBits() {}

    /** The bits per weight of the first GGUF type the text names (a mix or a block type), or null. */
    static Double weightsNamed(String text) {
        var m = NAMED.matcher(text);
        while (m.find()) {
            String type = m.group(1).toLowerCase(Locale.ROOT);
            Double bits = MIXES.containsKey(type) ? MIXES.get(type) : BITS.get(type);
            if (bits != null) return bits;
        }
        return null;
    }

    /** The type's name as llama.cpp writes it ("Q4_K_M"). */
    static String typeNamed(String text) {
        var m = NAMED.matcher(text);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    static double of(String type) { return BITS.get(type); }

    /** A bit count or size as people write it: "8", "4.5", "6.6". */
    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
