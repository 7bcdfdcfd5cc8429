package io.oomdoc.budget;

import java.util.List;

/**
 * A per-GPU memory estimate, term by term, against the card it must fit. Field names follow DESIGN.md's JSON.
 * unknownTerms names the terms the engine could not compute (they read 0 in perGpuBytes, which is no claim that they
 * are empty): then the total is a lower bound and fits is never true.
 */
public record Budget(long params, long trainableParams, Terms perGpuBytes, Long gpuBytes, Boolean fits,
        Long headroomBytes, List<String> assumptions, List<String> unknownTerms) {

    /** Term names as unknownTerms and DESIGN.md's per_gpu_bytes spell them. */
    public static final String ACTIVATIONS = "activations", LOGITS = "logits", KV_CACHE = "kv_cache";

    public Budget {
        assumptions = List.copyOf(assumptions);
        unknownTerms = List.copyOf(unknownTerms);
    }

    /** Whether the named term (ACTIVATIONS, LOGITS, KV_CACHE) was computed. */
    public boolean known(String term) { return !unknownTerms.contains(term); }

    /** Whether every term was computed, so that the total is the estimate and not a lower bound of it. */
    public boolean complete() { return unknownTerms.isEmpty(); }

    public record Terms(long weights, long gradients, long optimizer, long activations, long logits, long kvCache,
                        long overhead, long total) {}
}
