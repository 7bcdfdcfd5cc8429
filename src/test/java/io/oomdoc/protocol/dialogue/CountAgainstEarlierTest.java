package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if that names a new count of something ("1 image per GPU", "61 frames") is set against the last other count
 * of the same thing said before it, in the turn or the turns before (burned set 17).
 */
class CountAgainstEarlierTest {
    private static final Path SET_17 = Path.of("src/test/resources/conversations_heldout17");

    /** github.com/gaopengcuhk/SMCA-DETR/issues/15 (#4): "2 images per GPU" three turns before, now 1. */
    @Test
    void aCountSaidTurnsBeforeIsTheValueChanged() {
        var v = CaseFiguresTest.turn(SET_17, "P45-smca-detr-resnet50-dc5-32gb.txt", 4);
        assertTrue(v.output().startsWith("From 2 to 1 is 0.5× the value"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/huggingface/finetrainers/issues/142 (#4): "drop the 129-frame bucket and keep 61 frames at most":
     * 61 of 129, about half.
     */
    @Test
    void twoCountsOfTheSameThingInOneTurnAreOldAndNew() {
        var v = CaseFiguresTest.turn(SET_17, "P30-finetrainers-hunyuan-video-buckets-h800.txt", 4);
        assertTrue(v.output().startsWith("From 129 to 61 is 0.47× the value"), v.output());
        assertTrue(v.output().contains("(about half)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
