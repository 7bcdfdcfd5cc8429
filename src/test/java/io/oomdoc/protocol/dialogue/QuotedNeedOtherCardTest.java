package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A need quoted in an earlier turn ("the authors say inference needs 40GB") and a what-if that names another card
 * ("what if I rent one 48 GB A6000 instead?"): the answer is that need against the card named, without asking for a
 * model the question does not need, and the card held does not change (burned sets 16 and 18).
 */
class QuotedNeedOtherCardTest {
    private static final Path SET_16 = Path.of("src/test/resources/conversations_heldout16");
    private static final Path SET_18 = Path.of("src/test/resources/conversations_heldout18");

    /** github.com/alibaba/VideoMV/issues/2 (#3): 40 GB needed, one 48 GB A6000 asked about: it fits, 8 GiB spare. */
    @Test
    void theNeedQuotedBeforeIsSetAgainstTheCardTheWhatIfNames() {
        var v = CaseFiguresTest.turn(SET_18, "P06-videomv-two-3090s-40gb.txt", 3);
        assertTrue(v.output().contains("40 GiB needed, within the card (48 GiB): it fits, with 8 GiB to spare"),
                v.output());
        assertFalse(v.output().contains("Which model is it?"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/JaceyHuang/Gen3R/issues/6 (#3): about 48 GB needed, "and on an A6000 with 48 GB?": tight. */
    @Test
    void aCardOfExactlyTheQuotedNeedIsTight() {
        var v = CaseFiguresTest.turn(SET_16, "P15-gen3r-48gb-inference.txt", 3);
        assertTrue(v.output().contains("48 GiB needed, within the card (48 GiB) by only 0 B: tight"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
