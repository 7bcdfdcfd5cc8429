package io.oomdoc.budget;

/**
 * A transformer's shape. Dimensions may be 0 when only a parameter count is known; the engine then
 * says which terms it could not compute. {@code headDimension} is 0 when it is hidden/heads; {@code mlp} says whether
 * the MLP is gated (SwiGLU/GeGLU: gate, up and down matrices) or plain (up and down), GUESS when the config does not
 * tell. {@code logitSoftcap} is the config's final_logit_softcapping (Gemma 2: 30), 0 when the model has none.
 */
public record ModelSpec(String name, long params, int layers, int hidden, int heads, int kvHeads, int ffn, int vocab,
                        boolean tiedEmbeddings, int expertsTotal, int expertsActive, int headDimension, Mlp mlp,
                        double logitSoftcap) {

    /**
     * GUESS takes a non-4h FFN for a gated MLP: gated models publish 8h/3-ish sizes, plain ones 4h. NEW_GELU is a plain
     * MLP whose activation is transformers' NewGELUActivation (config "gelu_new": GPT-2, GPT-J, CodeGen, Phi-1/2), a
     * tanh formula written out in Python, so autograd keeps its intermediate tensors.
     */
    public enum Mlp { GUESS, GATED, PLAIN, NEW_GELU }

    /** A model without final-logit soft-capping (every family but Gemma 2). */
    public ModelSpec(String name, long params, int layers, int hidden, int heads, int kvHeads, int ffn, int vocab,
            boolean tiedEmbeddings, int expertsTotal, int expertsActive, int headDimension, Mlp mlp) {
        this(name, params, layers, hidden, heads, kvHeads, ffn, vocab, tiedEmbeddings, expertsTotal, expertsActive,
                headDimension, mlp, 0);
    }

    public ModelSpec(String name, long params, int layers, int hidden, int heads, int kvHeads, int ffn, int vocab,
            boolean tiedEmbeddings, int expertsTotal, int expertsActive) {
        this(name, params, layers, hidden, heads, kvHeads, ffn, vocab, tiedEmbeddings, expertsTotal, expertsActive, 0,
                Mlp.GUESS);
    }

    public static ModelSpec ofParams(String name, long params) {
        return new ModelSpec(name, params, 0, 0, 0, 0, 0, 0, false, 0, 0);
    }

    /** Parameter count estimated from the architecture: attention + MLP per layer, embeddings, norms. */
    public static ModelSpec fromArchitecture(String name, int layers, int hidden, int heads, int kvHeads, int ffn,
            int vocab, boolean tied, int expertsTotal, int expertsActive) {
        return fromArchitecture(name, layers, hidden, heads, kvHeads, ffn, vocab, tied, expertsTotal, expertsActive, 0,
                Mlp.GUESS);
    }

    /** As above, with the head size and MLP kind a config states (Gemma: head_dim 256 whatever hidden/heads is). */
    public static ModelSpec fromArchitecture(String name, int layers, int hidden, int heads, int kvHeads, int ffn,
            int vocab, boolean tied, int expertsTotal, int expertsActive, int headDimension, Mlp mlp) {
        int kv = kvHeads > 0 ? kvHeads : heads;
        int f = ffn > 0 ? ffn : 4 * hidden;
        ModelSpec shape = new ModelSpec(name, 0, layers, hidden, heads, kv, f, vocab, tied, expertsTotal,
                expertsActive, headDimension, ffn > 0 ? mlp : Mlp.PLAIN);
        long q = (long) heads * shape.headDim();
        long attn = 2L * hidden * q + 2L * hidden * kv * shape.headDim();
        long mlpParams = (shape.gated() ? 3L : 2L) * hidden * f;
        int experts = expertsTotal > 0 ? expertsTotal : 1;
        long perLayer = attn + mlpParams * experts + 4L * hidden;
        long embed = (long) vocab * hidden * (tied ? 1 : 2);
        return new ModelSpec(name, layers * perLayer + embed, layers, hidden, heads, kv, f, vocab, tied,
                expertsTotal, expertsActive, headDimension, shape.mlp());
    }

    /** nanochat's family: model_dim = 64·depth, head_dim 128, vocab 65,536, untied embeddings, 4h MLP. */
    public static ModelSpec nanochat(int depth) {
        int hidden = depth * 64;
        int heads = Math.max(1, hidden / 128);
        return fromArchitecture("nanochat d" + depth, depth, hidden, heads, heads, 4 * hidden, 65536, false, 0, 0, 0,
                Mlp.PLAIN);
    }

    public boolean hasArchitecture() { return layers > 0 && hidden > 0 && heads > 0; }

    public int headDim() { return headDimension > 0 ? headDimension : heads > 0 ? hidden / heads : 0; }

    /** The KV cache one token takes: K and V of every layer over the KV heads held, at the given element size. */
    public long kvBytesPerToken(long kvHeadsHeld, int bytesPerElement) {
        return 2L * layers * kvHeadsHeld * headDim() * bytesPerElement;
    }

    /** The KV cache one token takes with every KV head held (one GPU). */
    public long kvBytesPerToken(int bytesPerElement) { return kvBytesPerToken(kvHeads, bytesPerElement); }

    /** Width of the query and attention-output projections: heads × head size, not always the hidden size. */
    public long queryDim() { return (long) heads * headDim(); }

    public boolean gated() { return mlp == Mlp.GATED || mlp == Mlp.GUESS && ffn > 0 && ffn != 4 * hidden; }
}
