package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What-ifs the budget cannot compute (no model named) still get the change's own effect: a part of a whole held at
 * once ("in chunks of 100", "volume by volume"), a count against its default, mixed precision against fp32 or another
 * mixed format, and a setting spelled out by its catalog row (burned sets 3, 21, 22, 24 and 25).
 */
class WhatIfWithoutAModelTest {
    private static final Path SET3 = Path.of("src/test/resources/conversations_heldout3");
    private static final Path SET21 = Path.of("src/test/resources/conversations_heldout21");
    private static final Path SET22 = Path.of("src/test/resources/conversations_heldout22");
    private static final Path SET24 = Path.of("src/test/resources/conversations_heldout24");
    private static final Path SET25 = Path.of("src/test/resources/conversations_heldout25");

    /** github.com/google-deepmind/tapnet/issues/48 (#4): the 500 frames in chunks of 100 hold a fifth at once. */
    @Test
    void chunksOfAWholeScaleByThePart() {
        var v = turn(SET24, "P06-tapnet-jax-500-frames.txt", 4);
        assertTrue(v.output().contains("From 500 to 100 is 0.2×"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/Deep-MI/FastSurfer/issues/364 (#4): volume by volume instead of all 10 holds a tenth. */
    @Test
    void oneByOneInsteadOfAllHoldsOne() {
        var v = turn(SET25, "P48-fastsurfer-vinn-validation-alloc.txt", 4);
        assertTrue(v.output().contains("From 10 to 1 is 0.1×"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/CompVis/stable-diffusion/issues/86 (#5): --n_samples 1 instead of the default 3 is a third. */
    @Test
    void aCountInsteadOfItsDefaultIsAChange() {
        var v = turn(SET3, "L15-compvis-sd-1080ti-half.txt", 5);
        assertTrue(v.output().contains("From 3 to 1 is 0.33×"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/SunHui1216/SFMFusion/issues/1 (#3): AMP fp16 from fp32 halves the activations, not the states. */
    @Test
    void mixedPrecisionHalvesTheActivations() {
        var v = turn(SET21, "P05-sfmfusion-batch-20-a100-to-24gb.txt", 3);
        assertTrue(v.output().contains("activations saved for backward take about half"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/kwsong0113/diffusion-forcing-transformer/issues/33 (#5): 16-mixed to bf16-mixed moves nothing. */
    @Test
    void oneMixedFormatForAnotherLeavesMemoryAlone() {
        var v = turn(SET21, "P35-diffusion-forcing-transformer-8xa100-batch-2.txt", 5);
        assertTrue(v.output().contains("memory stays about the same"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/snap-research/stable-flow/issues/7 (#4): enable_sequential_cpu_offload, by its catalog row. */
    @Test
    void aSettingSpelledOutIsAnsweredByItsRow() {
        var v = turn(SET22, "P10-stable-flow-flux-32gb.txt", 4);
        assertTrue(v.output().contains("one submodule at a time"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
