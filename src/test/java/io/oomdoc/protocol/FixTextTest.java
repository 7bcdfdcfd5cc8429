package io.oomdoc.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fix's code, labelled, with its further lines under the code's first column so it can be copied as it is. */
class FixTextTest {
    private static final Report.Fix FIX = new Report.Fix("M5", "Halve the micro-batch", "none", false,
            "batch_size = 32", "batch_size = 16\ngradient_accumulation_steps = 2");

    @Test
    void furtherLinesOfTheCodeStartUnderItsFirstColumn() {
        assertEquals("   before: batch_size = 32\n"
                + "   after:  batch_size = 16\n"
                + "           gradient_accumulation_steps = 2", FixText.both(FIX, 3));
    }

    @Test
    void theIndentIsTheCallersOwn() {
        assertEquals("  after:  a\n          b", FixText.after("a\nb", 2));
    }
}
