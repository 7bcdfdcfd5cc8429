package io.oomdoc.budget;

import io.oomdoc.budget.Setup.Quant;

/**
 * The bytes of a model in one of llama.cpp's GGUF file types. Block sizes are ggml's (ggml-common.h): Q8_0 holds 32
 * weights in 34 bytes (an fp16 scale and 32 int8), Q4_0 32 in 18 (Q4_1 20, Q5_0 22, Q5_1 24), Q4_K 256 in 144,
 * Q6_K 256 in 210. llama.cpp's quantizer (llama-quant.cpp) does not give every tensor the file type: the output
 * matrix (the token embedding when the two are tied) goes to Q6_K unless the type is Q8_0, and Q4_K_M puts the V
 * projection and the MLP's down
 * projection of about half the layers (use_more_bits: the first and last eighth and every third between) in Q6_K.
 * Norms stay fp32 and are left out (a few hundred thousand values). Q5_K_M raises the same tensors as Q4_K_M to
 * Q6_K over a Q5_K base (176 bytes per 256); Q5_K_S and Q6_K keep every matrix at their type, the output at Q6_K.
 * Q4_K_S's few Q5_K tensors in the first layers are not modelled (its Q4_K base is counted).
 *
 * The IQ file types (ggml-common.h's blocks of 256 weights; IQ4_NL of 32) follow llama-quant.cpp's choices per
 * tensor: IQ2_S and IQ3_XS store their matrices in the next smaller type (IQ2_XS, IQ3_S), IQ2_M and IQ3_M in IQ2_S
 * and IQ3_S; the output matrix is Q5_K under 3 bits (IQ1, IQ2, IQ3_XXS) and Q6_K above; an untied token
 * embedding drops to Q2_K (IQ1, IQ2_XXS/XS) or IQ3_S (IQ2_S/M, IQ3_S/M); the V projection is raised when four or
 * more query heads share a KV head (Q4_K, or Q5_K for IQ4), and the 2-bit types raise the MLP's down projection of
 * the first eighth of the layers. IQ3_XS's gate/up mix is not modelled.
 */
final class GgufWeights {
    private static final double Q8_0 = 34 * 8 / 32.0;
    private static final double Q4_0 = 18 * 8 / 32.0;
    // ggml-common.h: block_q4_1 adds an fp16 minimum (20 B), block_q5_0 a 32-bit mask of fifth bits (22 B), q5_1 both
    private static final double Q4_1 = 20 * 8 / 32.0;
    private static final double Q5_0 = 22 * 8 / 32.0;
    private static final double Q5_1 = 24 * 8 / 32.0;
    private static final double Q4_K = 144 * 8 / 256.0;
    private static final double Q6_K = 210 * 8 / 256.0;
    private static final double Q5_K = 176 * 8 / 256.0;
    private static final double Q2_K = 84 * 8 / 256.0;
    private static final double IQ1_S = 50 * 8 / 256.0;
    private static final double IQ1_M = 56 * 8 / 256.0;
    private static final double IQ2_XXS = 66 * 8 / 256.0;
    private static final double IQ2_XS = 74 * 8 / 256.0;
    private static final double IQ2_S = 82 * 8 / 256.0;
    private static final double IQ3_XXS = 98 * 8 / 256.0;
    private static final double IQ3_S = 110 * 8 / 256.0;
    private static final double IQ4_NL = 18 * 8 / 32.0;
    private static final double IQ4_XS = 136 * 8 / 256.0;

    /**
     * Bits a weight per tensor role in one IQ file type: the matrices, the output matrix, an untied token embedding,
     * the V projection under grouped-query attention (four or more query heads a KV head) and without, the MLP's
     * down projection in the first eighth of the layers, and the attention output projection.
     */
    private record IqMix(double base, double output, double tokenEmbd, double attnVGrouped, double attnV,
                         double ffnDownFirst, double attnOutput) { }

    private GgufWeights() { }

    /** Bytes of the GGUF file's tensors for a model of this shape. */
    static long bytes(ModelSpec m, Quant q) {
        IqMix iq = iqMix(q);
        if (iq != null) return iqBytes(m, iq);
        double base = switch (q) {
            case Q8_0 -> Q8_0;
            case Q4_0 -> Q4_0;
            case Q4_K_M, Q4_K_S -> Q4_K;
            case Q5_K_S, Q5_K_M -> Q5_K;
            case Q6_K -> Q6_K;
            case Q4_1 -> Q4_1;
            case Q5_0 -> Q5_0;
            case Q5_1 -> Q5_1;
            default -> throw new IllegalArgumentException(q + " is not a GGUF type");
        };
        double output = q == Quant.Q8_0 ? Q8_0 : Q6_K;
        long embed = (long) m.vocab() * m.hidden();
        boolean tied = m.tiedEmbeddings();
        // the token embedding: the output's type when it is also the output, else the file type
        double bits = (m.params() - embed) * base + embed * (tied ? output : base);
        // an untied output matrix is inside params - embed, counted above at the file type
        if (!tied) bits += embed * (output - base);
        // Q5_K_M raises the same tensors as Q4_K_M (llama-quant.cpp tests both ftypes in one branch)
        if (q == Quant.Q4_K_M || q == Quant.Q5_K_M) {
            long perLayer = (long) m.hidden() * m.kvHeads() * m.headDim() + (long) m.ffn() * m.hidden();
            bits += moreBitsLayers(m.layers()) * perLayer * (Q6_K - base);
        }
        return Math.round(bits / 8);
    }

    /** The bits a weight of the file type's own block, for a model of unknown shape. */
    static double baseBitsPerWeight(Quant q) {
        IqMix iq = iqMix(q);
        return iq != null ? iq.base() : switch (q) {
            case Q8_0 -> Q8_0;
            case Q4_0, Q4_K_M -> Q4_0;
            case Q4_K_S -> Q4_K;
            case Q5_K_S, Q5_K_M -> Q5_K;
            case Q6_K -> Q6_K;
            case Q4_1 -> Q4_1;
            case Q5_0 -> Q5_0;
            case Q5_1 -> Q5_1;
            default -> throw new IllegalArgumentException(q + " is not a GGUF type");
        };
    }

    private static IqMix iqMix(Quant q) {
        return switch (q) {
            case IQ1_S -> new IqMix(IQ1_S, Q5_K, Q2_K, Q4_K, Q2_K, Q2_K, IQ2_XXS);
            case IQ1_M -> new IqMix(IQ1_M, Q5_K, Q2_K, Q4_K, Q2_K, Q2_K, IQ2_XXS);
            case IQ2_XXS -> new IqMix(IQ2_XXS, Q5_K, Q2_K, Q4_K, Q2_K, Q2_K, IQ2_XXS);
            case IQ2_XS -> new IqMix(IQ2_XS, Q5_K, Q2_K, Q4_K, Q2_K, Q2_K, IQ2_XS);
            case IQ2_S -> new IqMix(IQ2_XS, Q5_K, IQ3_S, Q4_K, IQ3_S, IQ3_S, IQ3_S);
            case IQ2_M -> new IqMix(IQ2_S, Q5_K, IQ3_S, Q4_K, IQ3_S, IQ3_S, IQ3_S);
            case IQ3_XXS -> new IqMix(IQ3_XXS, Q5_K, IQ3_XXS, Q4_K, IQ3_XXS, IQ3_XXS, IQ3_XXS);
            case IQ3_XS -> new IqMix(IQ3_S, Q6_K, IQ3_S, Q4_K, IQ3_S, IQ3_S, IQ3_S);
            case IQ3_S -> new IqMix(IQ3_S, Q6_K, IQ3_S, Q4_K, IQ3_S, IQ3_S, IQ3_S);
            case IQ3_M -> new IqMix(IQ3_S, Q6_K, IQ3_S, Q4_K, Q4_K, Q4_K, Q4_K);
            case IQ4_NL -> new IqMix(IQ4_NL, Q6_K, IQ4_NL, Q5_K, IQ4_NL, IQ4_NL, IQ4_NL);
            case IQ4_XS -> new IqMix(IQ4_XS, Q6_K, IQ4_XS, Q5_K, IQ4_XS, IQ4_XS, IQ4_XS);
            default -> null;
        };
    }

    private static long iqBytes(ModelSpec m, IqMix iq) {
        long embed = (long) m.vocab() * m.hidden();
        // the output matrix (the token embedding when tied) and an untied token embedding in their own types
        double bits = (m.params() - embed * (m.tiedEmbeddings() ? 1 : 2)) * iq.base() + embed * iq.output();
        if (!m.tiedEmbeddings()) bits += embed * iq.tokenEmbd();
        boolean grouped = m.kvHeads() > 0 && m.heads() / m.kvHeads() >= 4;
        long attnV = (long) m.hidden() * m.kvHeads() * m.headDim();
        bits += (double) m.layers() * attnV * ((grouped ? iq.attnVGrouped() : iq.attnV()) - iq.base());
        long attnOut = (long) m.heads() * m.headDim() * m.hidden();
        bits += (double) m.layers() * attnOut * (iq.attnOutput() - iq.base());
        bits += (double) (m.layers() / 8) * m.ffn() * m.hidden() * (iq.ffnDownFirst() - iq.base());
        return Math.round(bits / 8);
    }

    /** llama.cpp's use_more_bits(i, n): i < n/8, i >= 7n/8, or (i - n/8) % 3 == 2. */
    static int moreBitsLayers(int n) {
        int count = 0;
        for (int i = 0; i < n; i++) if (i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2) count++;
        return count;
    }
}
