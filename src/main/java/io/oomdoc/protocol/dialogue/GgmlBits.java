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

    private GgmlBits() {}

    static double of(String type) { return BITS.get(type); }

    /** A bit count or size as people write it: "8", "4.5", "6.6". */
    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
