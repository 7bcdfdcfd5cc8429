package io.oomdoc.budget;

import java.util.List;

/** A per-GPU memory estimate, term by term, against the card it must fit. Field names follow DESIGN.md's JSON. */
public record Budget(long params, long trainableParams, Terms perGpuBytes, Long gpuBytes, Boolean fits,
        Long headroomBytes,
                     List<String> assumptions) {

    public record Terms(long weights, long gradients, long optimizer, long activations, long logits, long kvCache,
                        long overhead, long total) {}
}
