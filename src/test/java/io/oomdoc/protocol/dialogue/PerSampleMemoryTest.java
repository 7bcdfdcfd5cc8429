package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Why a batch needs what it needs: a fixed part and activations per sample, with the figures the turn says (burned
 * sets 21 and 31, development data). Each turn played through the engine as its conversation goes.
 */
class PerSampleMemoryTest {
    private static final Path SET21 = Path.of("src/test/resources/conversations_heldout21");
    private static final Path SET31 = Path.of("src/test/resources/conversations_heldout31");

    private static String of(String text) {
        return PerSampleMemory.of(new Calculations.Ask(text, text, Facts.EMPTY));
    }

    /** github.com/Silverster98/HUMANISE/issues/5: 80 GB for batch 32 is at most 2.5 GB a sample of activations. */
    @Test
    void oneBatchAndItsNeedGiveTheMostASampleTakes() {
        holdsSaying(SET31, "P36-humanise-batch-32-on-a-v100.txt", 4, "80 GB at batch 32: the activations grow"
                + " linearly with the batch and with each sample's size (pixels, tokens, points), so they take at"
                + " most 2.5 GB a sample");
    }

    /** github.com/WangChangqi98/CSS/issues/12: batch 2 needing more than batch 4 says each sample is larger. */
    @Test
    void aSmallerBatchNeedingMoreHasLargerSamples() {
        holdsSaying(SET31, "P37-css-voc-and-cityscapes-on-a5000s.txt", 1, "Batch 2 needs 20 GB, at most 10 GB a"
                + " sample, while batch 4 needs 16 GB, at most 4 GB a sample: each sample of the smaller batch takes"
                + " about 2.5 times as much");
    }

    /** github.com/SunHui1216/SFMFusion/issues/1: "why can't I assume the memory scales with the card?" */
    @Test
    void memoryDoesNotScaleWithTheCardBecausePartIsFixed() {
        holdsSaying(SET21, "P05-sfmfusion-batch-20-a100-to-24gb.txt", 2, "Only part of the memory scales with the"
                + " batch: the weights, gradients, optimizer states and the CUDA context are a fixed cost");
    }

    /** Two batches that grow with the memory: the difference is the activations, the rest the fixed part. */
    @Test
    void twoMeasuredBatchesSplitIntoPerSampleAndFixed() {
        assertEquals("Batch 4 needs 20 GB and batch 8 needs 30 GB: the difference is the activations, about 2.5 GB a"
                + " sample; what is left, about 10 GB, is the fixed part (weights, gradients, optimizer states, the"
                + " CUDA context) that any batch pays.",
                of("batch 4 needs 20 GB and batch 8 needs 30 GB, why not twice?"));
    }

    /** The card a batch fails on is not what the batch needed: nothing to split. */
    @Test
    void theCardsSizeIsNotABatchesNeed() {
        assertNull(of("why does batch 1 need more than my 24 GB card?"));
    }
}
