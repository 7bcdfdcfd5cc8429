package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An explanation or follow-up about the failure held carries that failure's own figures: the general mechanism in
 * plain words, then this trace's amounts when the answer cites none of them.
 */
class HeldFiguresTest {
    private static final java.nio.file.Path HELD_OUT_13 =
            java.nio.file.Path.of("src/test/resources/conversations_heldout13");
    private static final String FILE = "N18-stackoverflow-cuda-oom-numbers-dont-add-up.txt";

    /** stackoverflow.com/questions/70074789 (N18): "where is the rest of the 7.79 GiB?" gets what this trace holds. */
    @Test
    void anExplanationWithoutTheTracesFiguresEndsWithThem() {
        var v = CaseFiguresTest.turn(HELD_OUT_13, FILE, 2);
        assertTrue(v.output().contains("In your trace: GPU 0: 7.79 GiB total"), v.output());
        assertTrue(v.output().contains("1.89 GiB held outside this allocator"), v.output());
        assertTrue(v.output().lines().count() <= 12, v.output());
    }

    /** The fragmentation follow-up already cites the trace's 49.46 MiB: nothing is added. */
    @Test
    void anAnswerThatCitesTheTraceIsLeftAsItIs() {
        var v = CaseFiguresTest.turn(HELD_OUT_13, FILE, 3);
        assertTrue(v.output().contains("49.46 MiB"), v.output());
        assertFalse(v.output().contains("In your trace:"), v.output());
    }
}
