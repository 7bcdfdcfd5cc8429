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
    static final Map<String, Double> MIXES = Map.ofEntries(Map.entry("q2_k", 2.63), Map.entry("q3_k_m", 3.91),
            Map.entry("q4_k_s", 4.58), Map.entry("q4_k_m", 4.85), Map.entry("q5_k_s", 5.54), Map.entry("q5_k_m", 5.69),
            Map.entry("q6_k", 6.56),
            // the same pull request's table of LLaMA-65B files (ikawrakow, 2023-06-05): Q3_K_S 26.23 GiB and Q3_K_L
            // 32.27 GiB over 65.2B weights
            Map.entry("q3_k_s", 3.45), Map.entry("q3_k_l", 4.25));
    /**
     * Bits per weight of the importance-matrix types' own blocks (ggml-common.h: IQ2_XXS 66 bytes per 256 weights,
     * IQ3_S 110, IQ4_XS 136 ...); a file keeps a few tensors higher, which the budget's GGUF sizing counts. Weights
     * only: llama.cpp's KV cache takes none of them but IQ4_NL.
     */
    static final Map<String, Double> IQ = Map.of("iq1_s", 1.5625, "iq1_m", 1.75, "iq2_xxs", 2.0625, "iq2_xs", 2.3125,
            "iq2_s", 2.5625, "iq2_m", 2.5625, "iq3_xxs", 3.0625, "iq3_xs", 3.4375, "iq3_s", 3.4375, "iq4_xs", 4.25);
    /** "Q4_K_M", "q5_0", "IQ4_NL", "IQ3_XS": a GGUF type named. */
    static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "(?i)(?<![\\w-])(q\\d_(?:k(?:_[sml])?|\\d)|iq\\d_(?:xxs|xs|s|m|nl))(?![\\w-])");

    private GgmlBits() {}

    /** The bits per weight of the first GGUF type the text names (a mix or a block type), or null. */
    static Double weightsNamed(String text) {
        var m = NAMED.matcher(text);
        while (m.find()) {
            String type = m.group(1).toLowerCase(Locale.ROOT);
            Double bits = MIXES.containsKey(type) ? MIXES.get(type) : IQ.containsKey(type) ? IQ.get(type)
                    : BITS.get(type);
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
