package io.oomdoc.protocol.reasoning;

import io.oomdoc.budget.Budget;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;

/**
 * What the user's setup says about the fixed cost against the batch, as typed features read from the facts and the
 * budget rather than from words: a failure at a batch of one (no smaller batch is left to try, so the batch is not
 * what overflows), the size of the model named or stated, and a fixed cost that fills most of the card without
 * exceeding it. These separate model_too_large from activations_batch where the message alone cannot.
 */
final class SetupFeatures {
    /** The micro-batch feature: the run that failed used a batch of one. */
    static final String BATCH_ONE = "setup:batch-one";
    /** Weights of 6B parameters are 12 GB in 16 bits: most consumer cards are full before a batch is seen. */
    private static final double LARGE_PARAMS = 6e9;
    /** From 30B on the weights in 16 bits (60 GB) outgrow every single card but the largest. */
    private static final double HUGE_PARAMS = 30e9;
    /** Under 1B the fixed cost of training, about 16 bytes a parameter, fits a 16 GB card. */
    private static final double SMALL_PARAMS = 1e9;
    /** The budget's fixed cost above this share of the card leaves little for activations (below it, it fits). */
    private static final double NEAR_CARD_SHARE = 0.7;

    private SetupFeatures() {}

    static void addTo(Evidence e, FeatureVector.Builder b) {
        Facts f = e.facts();
        if (f == null) return;
        if (f.batch() != null && f.batch() == 1) b.set(BATCH_ONE, 1.0, "it fails with a batch of one");
        // The card as the user states or names it (GpuCatalog), not only the message's capacity: a reporter on a
        // 1 GB Quadro or a 2 GB laptop part often pastes no capacity line, and there the fixed cost alone fills it.
        if (FeatureExtractor.smallCard(f.gpuMemBytes())) b.flag(FeatureExtractor.SMALL_CARD);
        if (f.params() != null) {
            double p = f.params();
            b.flag(p >= HUGE_PARAMS ? "size:huge" : p >= LARGE_PARAMS ? "size:large" : p >= SMALL_PARAMS
                    ? "size:mid" : "size:small");
        }
        Budget budget = e.budget();
        if (budget == null || budget.gpuBytes() == null) return;
        Budget.Terms t = budget.perGpuBytes();
        long fixed = t.weights() + t.gradients() + t.optimizer();
        if (fixed <= budget.gpuBytes() && fixed >= NEAR_CARD_SHARE * budget.gpuBytes()) {
            b.flag("budget:fixed-near-card");
        }
    }
}
