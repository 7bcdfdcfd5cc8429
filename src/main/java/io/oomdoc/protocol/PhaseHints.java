package io.oomdoc.protocol;

import java.util.Set;

/**
 * The values a user's words give {@link Facts#phaseHint()}: a phase of docs/phases.md ("eval", "load", "backward" ...),
 * "growth" (memory that climbs over steps or requests), or only the regime of the job: "training", or "inference" and
 * "serving" (a model that is only run). The conversation sets written from real threads record the regime this way
 * ("phase=training", "phase=inference") when the words name no more exact phase.
 */
public final class PhaseHints {
    public static final String TRAINING = "training";
    public static final String INFERENCE = "inference";
    public static final String GENERATION = "generation";
    public static final String SERVING = "serving";

    /** Hints that say the job only runs a model: no gradients or optimizer state, a KV cache instead. */
    private static final Set<String> RUNS_ONLY = Set.of(GENERATION, SERVING, INFERENCE);
    /** Hints that name the regime and nothing about the step the failure came in. */
    private static final Set<String> REGIME_ONLY = Set.of(TRAINING, INFERENCE);

    private PhaseHints() {}

    public static boolean runsOnly(String hint) { return hint != null && RUNS_ONLY.contains(hint); }

    /** Whether the hint says when in the job the failure came (a step, a phase), not just whether it trains. */
    public static boolean saysWhen(String hint) { return hint != null && !REGIME_ONLY.contains(hint); }
}
