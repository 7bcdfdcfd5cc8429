package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch arithmetic people ask in a thread: the micro-batch a batch and its accumulation leave per forward pass,
 * a batch cut into micro-batches of a given size, and a per-GPU batch (named so in the config) times the cards.
 * Turns of the burned held-out sets 25, 27 and 29 (each scored blind once, development data since).
 */
class BatchCutsTest {
    /** github.com/google-research/vision_transformer/issues/17: batch 512 and accum_steps 128 per forward pass. */
    @Test
    void aBatchOverItsAccumulationStepsIsWhatOneForwardPassHolds() {
        var v = turn(Path.of("src/test/resources/conversations_heldout27"), "P41-vit-accum-steps-16gb.txt", 3);
        assertTrue(v.output().contains("512 / 128 = 4"), v.output());
    }

    /** github.com/octo-models/octo/issues/18: batch 256, "how many micro-batches of 32 is that?". */
    @Test
    void aBatchCutIntoMicroBatchesOfAGivenSize() {
        var v = turn(Path.of("src/test/resources/conversations_heldout29"), "P25-octo-a5000-batch-32-jax.txt", 4);
        assertTrue(v.output().contains("256 / 32 = 8 micro-batches"), v.output());
    }

    /** github.com/uzh-rpg/svit/issues/2: samples_per_gpu=4 on 4 GPUs is a total batch of 16, not 1 per GPU. */
    @Test
    void aBatchNamedPerGpuTimesTheCardsIsTheTotal() {
        var v = turn(Path.of("src/test/resources/conversations_heldout25"), "P08-svit-4090-samples-per-gpu.txt", 2);
        assertTrue(v.output().contains("= 16."), v.output());
    }
}
