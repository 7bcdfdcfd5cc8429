package io.oomdoc.budget;

/**
 * A transformer's shape. Dimensions may be 0 when only a parameter count is known; the engine then
 * says which terms it could not compute. {@code headSize} is 0 unless the published config sets a head_dim other
 * than hidden / heads (Gemma, Qwen3, Mistral Nemo), which the KV cache is sized by.
 */
public record ModelSpec(String name, long params, int layers, int hidden, int heads, int kvHeads, int ffn, int vocab,
                        boolean tiedEmbeddings, int expertsTotal, int expertsActive, int headSize) {

    public ModelSpec(String name, long params, int layers, int hidden, int heads, int kvHeads, int ffn, int vocab,
                     boolean tiedEmbeddings, int expertsTotal, int expertsActive) {
        this(name, params, layers, hidden, heads, kvHeads, ffn, vocab, tiedEmbeddings, expertsTotal, expertsActive, 0);
    }

    public static ModelSpec ofParams(String name, long params) {
        return new ModelSpec(name, params, 0, 0, 0, 0, 0, 0, false, 0, 0);
    }

    /** Parameter count estimated from the architecture: attention + MLP per layer, embeddings, norms. */
    public static ModelSpec fromArchitecture(String name, int layers, int hidden, int heads, int kvHeads, int ffn,
            int vocab,
                                             boolean tied, int expertsTotal, int expertsActive) {
        int kv = kvHeads > 0 ? kvHeads : heads;
        int f = ffn > 0 ? ffn : 4 * hidden;
        long headDim = hidden / heads;
        long attn = (long) hidden * hidden * 2 + 2L * hidden * kv * headDim;
        boolean gated = ffn > 0 && ffn != 4 * hidden; // SwiGLU models publish a non-4h FFN and use three matrices
        long mlp = (gated ? 3L : 2L) * hidden * f;
        int experts = expertsTotal > 0 ? expertsTotal : 1;
        long perLayer = attn + mlp * experts + 4L * hidden;
        long embed = (long) vocab * hidden * (tied ? 1 : 2);
        return new ModelSpec(name, layers * perLayer + embed, layers, hidden, heads, kv, f, vocab, tied,
                expertsTotal, expertsActive);
    }

    /** nanochat's family: model_dim = 64·depth, head_dim 128, vocab 65,536, untied embeddings, 4h MLP. */
    public static ModelSpec nanochat(int depth) {
        int hidden = depth * 64;
        int heads = Math.max(1, hidden / 128);
        return fromArchitecture("nanochat d" + depth, depth, hidden, heads, heads, 4 * hidden, 65536, false, 0, 0);
    }

    public boolean hasArchitecture() { return layers > 0 && hidden > 0 && heads > 0; }

    public int headDim() { return headSize > 0 ? headSize : heads > 0 ? hidden / heads : 0; }
}
