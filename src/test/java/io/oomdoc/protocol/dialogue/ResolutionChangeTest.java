package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What-ifs that change the image resolution or the length, answered by the ratio computed from the setup the
 * conversation holds (fixtures moved from the burned conversations_heldout10 and 11, each naming its thread).
 */
class ResolutionChangeTest {
    /** github.com/guoyww/AnimateDiff/issues/224: 768x768 against the 1024x1024 of the failure held. */
    @Test
    void aNewResolutionIsComparedWithTheOneTheFailureRanAt() {
        var v = turn("L28-animatediff-sdxl-1024-16-frames-16gb-oom.txt", 3);
        assertTrue(v.output().contains("Resolution 1024×1024 → 768×768") && v.output().contains("×0.56"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/ultralytics/yolov5/issues/3831: "640 instead of 1024" are sides of square training images. */
    @Test
    void bareSidesOfSquareImagesAreAResolution() {
        var v = turn("K17-yolov5-1024-images-11gb-batch-16-cache.txt", 3);
        assertTrue(v.output().contains("Resolution 1024×1024 → 640×640") && v.output().contains("×0.39"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** "a context of 512 tokens instead of 1024": the unit between the two lengths does not hide the change. */
    @Test
    void aLengthWithItsUnitBeforeInsteadOfIsScaled() {
        var v = turn("K04-gpt2-345m-tf-1080ti-checkpointing.txt", 3);
        assertTrue(v.output().contains("Length 1024 → 512"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
