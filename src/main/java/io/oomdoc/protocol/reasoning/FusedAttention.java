package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;

/**
 * Whether a described adapter fine-tune's sequence length is an activations cost rather than attention's s² scores.
 * Hugging Face Transformers dispatches attention to PyTorch's scaled_dot_product_attention by default when torch is
 * recent enough (huggingface/transformers#27940, torch 2.1.1 and later; the "PyTorch scaled dot product attention"
 * section of its GPU inference guide), and the fused kernels never hold the s x s score matrix: memory then grows
 * with batch x sequence like every other activation, which DESIGN.md files under activations_batch, and the fix is
 * its ladder (checkpointing, micro-batch, shorter sequences), not "use fused attention". The scores are real only when
 * something says so: eager attention stated, attention named in the words or frames, one request that is a large
 * share of the card, or a context past {@link #LONG_CONTEXT} where even linear terms are the long-context story.
 */
final class FusedAttention {
    /** From 16k tokens on a context is "long context" (DESIGN.md's attention_seq_len), fused kernels or not. */
    static final int LONG_CONTEXT = 16_384;

    /**
     * What says the s x s scores are materialised, or leaves it open: attention named at all (also "without flash
     * attention", which may mean eager), one outsized request, or a job that only runs the model.
     */
    private static final java.util.regex.Pattern SCORES_NAMED = java.util.regex.Pattern.compile(
            "(?:cue|log):(?:not-)?attention|tried:huge|shape:inference-only");

    private FusedAttention() {}

    /** A LoRA/QLoRA fine-tune with a stated length under long context, default attention, weights that fit. */
    static boolean sequenceIsActivations(Evidence e, FeatureVector x, boolean weightsExceedCard) {
        Facts f = e.facts();
        if (f == null || f.seqLen() == null || f.seqLen() >= LONG_CONTEXT || weightsExceedCard) return false;
        boolean adapters = Boolean.TRUE.equals(f.lora()) || Boolean.TRUE.equals(f.qlora()) || f.loraRank() != null;
        if (!adapters || "eager".equalsIgnoreCase(f.attention())) return false;
        return x.values().keySet().stream().noneMatch(k -> SCORES_NAMED.matcher(k).matches());
    }
}
