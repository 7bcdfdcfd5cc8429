package io.oomdoc.protocol.reasoning;

import io.oomdoc.budget.Budget;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where SetupFeatures draws its lines, on the figures the setups of real reports carry: a 4 GB GTX 1650 is a small
 * card and a 6 GB RTX 2060 is not; Llama-2-7B's 6.74B parameters are a large model, GPT-2's 124M a small one; a fixed
 * cost of weights, gradients and optimizer state that takes 70% of the card or more without passing it is near the
 * card. SetupFeaturesTest reads the same features off whole corpus reports; these pin each boundary.
 */
class SetupFeatureThresholdsTest {
    private static final long GIB = 1L << 30;

    private static Set<String> features(Facts facts, Budget budget) {
        FeatureVector.Builder b = FeatureVector.builder();
        SetupFeatures.addTo(new Evidence(null, null, facts, budget, null, null, null, null, null), b);
        return b.build().values().keySet();
    }

    private static Set<String> ofCard(long bytes) { return features(Facts.builder().gpuMemBytes(bytes).build(), null); }

    private static Set<String> ofParams(long params) { return features(Facts.builder().params(params).build(), null); }

    /** A budget on a 16 GB card whose fixed cost is these three terms. */
    private static Set<String> ofFixed(long weights, long gradients, long optimizer) {
        long total = weights + gradients + optimizer;
        Budget b = new Budget(0, 0, new Budget.Terms(weights, gradients, optimizer, 0, 0, 0, 0, total), 16 * GIB,
                null, null, List.of(), List.of());
        return features(Facts.builder().build(), b);
    }

    @Test
    void noFactsGiveNoSetupFeatures() {
        assertEquals(Set.of(), features(null, null));
    }

    @Test
    void aBatchOfOneIsTheBatchOneFeatureAndTwoIsNot() {
        assertTrue(features(Facts.builder().batch(1).build(), null).contains(SetupFeatures.BATCH_ONE));
        assertFalse(features(Facts.builder().batch(2).build(), null).contains(SetupFeatures.BATCH_ONE));
    }

    @Test
    void cardsUpToFourAndAHalfGigabytesAreSmall() {
        assertTrue(ofCard(4 * GIB).contains(FeatureExtractor.SMALL_CARD), "GTX 1650");
        assertTrue(ofCard(FeatureExtractor.SMALL_CARD_BYTES).contains(FeatureExtractor.SMALL_CARD), "the limit itself");
        assertFalse(ofCard(FeatureExtractor.SMALL_CARD_BYTES + 1).contains(FeatureExtractor.SMALL_CARD));
        assertFalse(ofCard(6 * GIB).contains(FeatureExtractor.SMALL_CARD), "RTX 2060");
        assertFalse(ofCard(0).contains(FeatureExtractor.SMALL_CARD), "an unknown size is not a small card");
    }

    @Test
    void modelSizesAreSmallMidLargeAndHugeFromOneSixAndThirtyBillion() {
        assertTrue(ofParams(124_000_000L).contains("size:small"), "GPT-2");
        assertTrue(ofParams(999_999_999L).contains("size:small"));
        assertTrue(ofParams(1_000_000_000L).contains("size:mid"));
        assertTrue(ofParams(5_999_999_999L).contains("size:mid"));
        assertTrue(ofParams(6_000_000_000L).contains("size:large"));
        assertTrue(ofParams(6_738_000_000L).contains("size:large"), "Llama-2-7B");
        assertTrue(ofParams(29_999_999_999L).contains("size:large"));
        assertTrue(ofParams(30_000_000_000L).contains("size:huge"));
    }

    @Test
    void aFixedCostFromSeventyPercentOfTheCardUpToAllOfItIsNearTheCard() {
        long card = 16 * GIB;
        long seventy = (long) Math.ceil(0.7 * card);
        assertTrue(ofFixed(seventy, 0, 0).contains("budget:fixed-near-card"), "70% exactly");
        assertFalse(ofFixed(seventy - 1, 0, 0).contains("budget:fixed-near-card"), "just under 70%");
        assertTrue(ofFixed(card, 0, 0).contains("budget:fixed-near-card"), "the whole card");
        assertFalse(ofFixed(card + 1, 0, 0).contains("budget:fixed-near-card"), "past the card: it exceeds");
    }

    @Test
    void theFixedCostIsWeightsGradientsAndOptimizerStateTogether() {
        // 6 + 3 + 3 GiB is 75% of 16 GiB; any one term left out or taken away is under 70%
        assertTrue(ofFixed(6 * GIB, 3 * GIB, 3 * GIB).contains("budget:fixed-near-card"));
    }

    @Test
    void withoutTheCardsSizeTheBudgetSaysNothingOfTheCard() {
        Budget noCard = new Budget(0, 0, new Budget.Terms(12 * GIB, 0, 0, 0, 0, 0, 0, 12 * GIB), null, null, null,
                List.of(), List.of());
        assertFalse(features(Facts.builder().build(), noCard).contains("budget:fixed-near-card"));
    }
}
