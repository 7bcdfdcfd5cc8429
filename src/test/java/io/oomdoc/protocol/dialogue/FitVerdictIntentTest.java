package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Does it fit?" asks for the fit verdict even while a failure is held; "and ..., would that fit" stays a what-if. */
class FitVerdictIntentTest {
    private static final java.nio.file.Path HELD_OUT_13 =
            java.nio.file.Path.of("src/test/resources/conversations_heldout13");
    private static final String FILE = "N10-autoawq-llama-70b-quantize-oom-8-a100.txt";

    /** github.com/casper-hansen/AutoAWQ/issues/65: "how big is 70B in fp16 anyway, and does it fit on one ...?" */
    @Test
    void doesItFitWithAFailureHeldIsAFitQuestion() {
        var v = CaseFiguresTest.turn(HELD_OUT_13, FILE, 3);
        assertEquals("fit", v.gotIntent(), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** The same thread's next turn, "and the 4-bit result, would that fit on one card for serving?", is a what-if. */
    @Test
    void aFitPhrasedAsAContinuationIsNotTakenAsAFitQuestion() {
        var v = CaseFiguresTest.turn(HELD_OUT_13, FILE, 4);
        assertTrue(!"fit".equals(v.gotIntent()), v.output());
    }
}
