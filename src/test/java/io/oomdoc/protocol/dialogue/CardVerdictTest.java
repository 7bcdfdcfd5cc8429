package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "would a desktop 3060 with 12 GB run the demo?": whether a card the question names runs the thing discussed is a
 * fit verdict, whatever failure is held, and the failure's own figures (what the run held plus the request that
 * failed) are the least it needs there (burned sets 10, 14 and 20).
 */
class CardVerdictTest {
    private static final Path SET_10 = Path.of("src/test/resources/conversations_heldout10");
    private static final Path SET_14 = Path.of("src/test/resources/conversations_heldout14");
    private static final Path SET_20 = Path.of("src/test/resources/conversations_heldout20");

    /**
     * github.com/JiehongLin/SAM-6D/issues/13 (#4): after a 5.80 GiB laptop trace (4.92 GiB reserved, 1 GiB asked),
     * the desktop 3060 with 12 GB is asked about: a fit verdict on that card, which becomes the card discussed.
     */
    @Test
    void aCardNamedAsTheSubjectOfTheQuestionIsAFitVerdict() {
        var v = CaseFiguresTest.turn(SET_20, "P01-sam6d-laptop-3060-demo.txt", 4);
        assertEquals("fit", v.gotIntent(), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** The same turn: the held failure's floor, 4.92 GiB held + 1 GiB asked, against 12 GiB, is the first line. */
    @Test
    void theFailuresFloorIsSetAgainstTheCardAsked() {
        var v = CaseFiguresTest.turn(SET_20, "P01-sam6d-laptop-3060-demo.txt", 4);
        assertTrue(v.output().startsWith("When it failed the run held 4.92 GiB and asked for 1 GiB more, so it needs"
                + " at least 5.92 GiB; a card of 12 GiB leaves 6.08 GiB beyond that"), v.output());
    }

    /**
     * github.com/yeates/PromptFix/issues/6 (#5): a need quoted in the question ("about 35 GB peak") decides before
     * the held failure's floor: 35 GiB is over the 24 GB 3090.
     */
    @Test
    void aNeedQuotedInTheQuestionWinsOverTheHeldFloor() {
        var v = CaseFiguresTest.turn(SET_14, "P05-promptfix-inference-einsum-oom-rtx4060.txt", 5);
        assertTrue(v.output().startsWith("35 GiB needed, more than the card (24 GiB): short by 11 GiB"), v.output());
    }

    /**
     * github.com/hpcaitech/ColossalAI/issues/6272 (#4): "can I use bf16 mixed precision on these 2080 Ti cards?"
     * names a change besides the card: a follow-up on precision, not a verdict on the cards.
     */
    @Test
    void aChangeNamedWithTheCardIsNotAVerdictOnTheCard() {
        var v = CaseFiguresTest.turn(SET_10, "K28-colossalai-gemini-7b-four-2080ti-22gb.txt", 4);
        assertNotEquals("fit", v.gotIntent(), v.output());
    }
}
