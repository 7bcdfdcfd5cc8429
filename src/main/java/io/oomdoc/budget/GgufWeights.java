package io.oomdoc.budget;

import io.oomdoc.budget.Setup.Quant;

/**
 * The bytes of a model in one of llama.cpp's GGUF file types. Block sizes are ggml's (ggml-common.h): Q8_0 holds 32
 * weights in 34 bytes (an fp16 scale and 32 int8), Q4_0 32 in 18, Q4_K 256 in 144, Q6_K 256 in 210. llama.cpp's
 * quantizer (llama-quant.cpp) does not give every tensor the file type: the output matrix (the token embedding when
 * the two are tied) goes to Q6_K unless the type is Q8_0, and Q4_K_M puts the V projection and the MLP's down
 * projection of about half the layers (use_more_bits: the first and last eighth and every third between) in Q6_K.
 * Norms stay fp32 and are left out (a few hundred thousand values).
 */
final class GgufWeights {
    private static final double Q8_0 = 34 * 8 / 32.0;
    private static final double Q4_0 = 18 * 8 / 32.0;
    private static final double Q4_K = 144 * 8 / 256.0;
    private static final double Q6_K = 210 * 8 / 256.0;

    private GgufWeights() { }

    /** Bytes of the GGUF file's tensors for a model of this shape. */
    static long bytes(ModelSpec m, Quant q) {
        double base = switch (q) {
            case Q8_0 -> Q8_0;
            case Q4_0 -> Q4_0;
            case Q4_K_M -> Q4_K;
            default -> throw new IllegalArgumentException(q + " is not a GGUF type");
        };
        double output = q == Quant.Q8_0 ? Q8_0 : Q6_K;
        long embed = (long) m.vocab() * m.hidden();
        boolean tied = m.tiedEmbeddings();
        // the token embedding: the output's type when it is also the output, else the file type
        double bits = (m.params() - embed) * base + embed * (tied ? output : base);
        // an untied output matrix is inside params - embed, counted above at the file type
        if (!tied) bits += embed * (output - base);
        if (q == Quant.Q4_K_M) {
            long perLayer = (long) m.hidden() * m.kvHeads() * m.headDim() + (long) m.ffn() * m.hidden();
            bits += moreBitsLayers(m.layers()) * perLayer * (Q6_K - Q4_K);
        }
        return Math.round(bits / 8);
    }

    /** llama.cpp's use_more_bits(i, n): i < n/8, i >= 7n/8, or (i - n/8) % 3 == 2. */
    static int moreBitsLayers(int n) {
        int count = 0;
        for (int i = 0; i < n; i++) if (i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2) count++;
        return count;
    }
}
