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

    /**
     * github.com/ultralytics/yolov5/issues/3831 (its thread: img_size=[1024, 1024] on an 11 GB card): "640 instead of
     * 1024" are sides of square training images.
     */
    @Test
    void bareSidesOfSquareImagesAreAResolution() {
        String held = "I train with img_size=[1024, 1024] and the biggest batch that fits my 11GB GPU is 16";
        String q = "what if I train at 640 instead of 1024?";
        String s = Resolutions.of(new Calculations.Ask(q, q + "\n" + held, io.oomdoc.protocol.Facts.EMPTY));
        assertTrue(s != null && s.startsWith("Resolution 1024×1024 → 640×640") && s.contains("×0.39"), s);
    }

    /** "a context of 512 tokens instead of 1024": the unit between the two lengths does not hide the change. */
    @Test
    void aLengthWithItsUnitBeforeInsteadOfIsScaled() {
        var v = turn("K04-gpt2-345m-tf-1080ti-checkpointing.txt", 3);
        assertTrue(v.output().contains("Length 1024 → 512"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
