package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two sizes of one input compared ("why does 20 minutes fail when 1 minute works?") are answered by their ratio, what
 * grows by it and what grows by its square (burned sets 13, 21 and 25, development data).
 */
class InputGrowthTest {
    private static final Path SET_13 = Path.of("src/test/resources/conversations_heldout13");
    private static final Path SET_21 = Path.of("src/test/resources/conversations_heldout21");
    private static final Path SET_25 = Path.of("src/test/resources/conversations_heldout25");

    private static String of(String text) {
        return InputGrowth.of(new Calculations.Ask(text, text, Facts.EMPTY));
    }

    /** github.com/yxlllc/AP-BWE (heldout21 P39 #3): minutes against a minute, twenty times the input. */
    @Test
    void twentyMinutesAgainstOneIsTwentyTimesTheInput() {
        var v = CaseFiguresTest.turn(SET_21, "P39-ap-bwe-20-minute-audio.txt", 3);
        assertTrue(v.output().startsWith("The larger input is 20 times the smaller"), v.output());
        assertTrue(v.output().contains("grows with its square, 400 times"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** AudioLDM (heldout13 N38 #3): "more than twice" for twice the seconds is the attention's square. */
    @Test
    void twiceTheSecondsIsFourTimesTheAttention() {
        var v = CaseFiguresTest.turn(SET_13, "N38-audioldm-60s-audio-rtx3060-6-75gib.txt", 3);
        assertTrue(v.output().contains("attention over the whole input grows with its square, 4 times"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** ezpz (heldout25 P31 #3): a length written as "2048 -> 8192". */
    @Test
    void anArrowBetweenTwoLengthsIsTheChange() {
        var v = CaseFiguresTest.turn(SET_25, "P31-ezpz-fsdp1-seq8192.txt", 3);
        assertTrue(v.output().startsWith("The larger input is 4 times the smaller"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** How long a run went is not the size of its input: "after 20 minutes" against "the first 5 minutes". */
    @Test
    void elapsedTimeIsNotInput() {
        assertNull(of("why does it fail after 20 minutes when it ran fine for 5 minutes?"));
    }
}
