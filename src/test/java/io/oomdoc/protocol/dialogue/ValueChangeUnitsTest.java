package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if that changes a count in its own unit ("from 5 seconds to 10 seconds", "240 frames instead of 25") is
 * answered by the ratio, whatever the unit is called (burned sets 18 and 19).
 */
class ValueChangeUnitsTest {
    /**
     * github.com/deepbeepmeep/Wan2GP/issues/1393 (P17 #4): "what if I go from 5 seconds to 10 seconds of video at the
     * same resolution?".
     */
    @Test
    void aChangeWithItsUnitSaidAfterEachValueIsARatio() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout18"),
                "P17-wan2gp-ltx2-3060-64gb-ram.txt", 4);
        assertTrue(v.output().contains("From 5 to 10 is 2× the value"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/lucidrains/make-a-video-pytorch/issues/10 (P17 #5): "what if I train on 240 frames instead of 25". */
    @Test
    void theNewCountBeforeInsteadOfTheOldIsARatio() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout19"),
                "P17-make-a-video-bf16-checkpointing.txt", 5);
        assertTrue(v.output().contains("From 25 to 240 is 9.6× the value"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/ypwang61/One-Shot-RLVR/issues/14 (P42 #3): "they set it to 24000 ..." then "what if I drop it to
     * 12000?": the value "it" had in the turn before, halved.
     */
    @Test
    void aValueGivenToItIsComparedWithTheValueItHadBefore() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout19"),
                "P42-one-shot-rlvr-max-token-len-per-gpu.txt", 3);
        assertTrue(v.output().contains("From 24000 to 12000 is 0.5× the value"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
