package io.oomdoc.budget;

/**
 * What a PyTorch FSDP rank holds unsharded when its parameter shards live in host RAM (CPUOffload(offload_params=True),
 * FSDP2's CPUOffloadPolicy), in parameters: FSDP gathers whole wrapped units (the decoder layers an auto-wrap policy or
 * fully_shard per layer names), not single tensors, so the unit is a decoder layer's parameters.
 * <ul>
 * <li>Two units gathered at once: FSDP1's limit_all_gathers lets "at most two consecutive FSDP instances concurrently
 * allocate" (FullyShardedDataParallel's docstring), and FSDP2 all-gathers the next unit beside the one running, in
 * forward and in backward (its design, pytorch/pytorch#114299: implicit prefetching).</li>
 * <li>The root unit (the embedding, the final norm and the head, which no layer wraps) stays gathered from the forward
 * through the backward: FSDP1's post-forward does not free the root's parameters, and FSDP2 sets the root's
 * reshard_after_forward to False ("its parameters would typically be immediately all-gathered for backward").</li>
 * <li>In backward, the running unit's unsharded gradient before its reduce-scatter, and the head's gradient, which the
 * root reduces only in its post-backward hook at the end of backward.</li>
 * </ul>
 */
record FsdpUnits(long unitParams, long rootParams, long headParams) {

    /** The units of this model: its decoder layers and what no layer holds (embedding and head, two when untied). */
    static FsdpUnits of(ModelSpec m, long params) {
        if (!m.hasArchitecture() || m.vocab() <= 0) return new FsdpUnits(BudgetEngine.largestLayer(m, params), 0, 0);
        long head = (long) m.vocab() * m.hidden();
        long root = m.tiedEmbeddings() ? head : 2 * head;
        return new FsdpUnits(Math.max(0, params - root) / m.layers(), root, head);
    }

    /** Parameters gathered at the peak: two layers in flight and the root unit. */
    long gathered() { return 2 * unitParams + rootParams; }

    /** Gradients unsharded at the peak: the running layer's and the head's. */
    long gradients() { return unitParams + headParams; }
}
