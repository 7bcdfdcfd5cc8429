package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parts quoted with the whole they add up to ("peaks at 27 GB ... the geometry model alone needs 18 GB and the texture
 * model 9 GB"): when the whole is over the card and each part fits, the verdict is to run them one after the other
 * (burned set 20).
 */
class StagedPartsTest {
    private static final Path SET_20 = Path.of("src/test/resources/conversations_heldout20");

    /** github.com/stepfun-ai/Step1X-3D/issues/3 (#1): 18 + 9 = 27 GB on a 24 GB card. */
    @Test
    void partsThatAddUpToAWholeOverTheCardRunOneAfterTheOther() {
        var v = CaseFiguresTest.turn(SET_20, "P14-step1x-3d-24gb-two-stages.txt", 1);
        assertTrue(v.output().startsWith("Not all at once: together the parts need 27 GiB, more than the card"
                + " (24 GiB), but each part alone fits (the largest 18 GiB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
