package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A correction that names the value it replaces ("8192 tokens, not 4096") withdraws the figure an earlier fit
 * question was asked with: that question is answered again with the new value. Real turns of
 * conversations_heldout22 (burned, read by conv19a).
 */
class CorrectionAsksAgainTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout22");

    /** github.com/avikeid2007/KaiROS-AI/issues/63: the count of users at 8192 tokens, with the 12 GB model said. */
    @Test
    void aLongerContextPerUserCountsTheUsersAgain() {
        holdsSaying(SET, "P36-kairos-max-concurrent-users-24gb.txt", 5, "27 sequences of 8,192 tokens");
    }

    /**
     * github.com/DustinHendrickson/mod-ollama-chat/issues/31: "num_ctx is 8192, not 4096". The facts layer does not
     * read the length yet (its label fails on that alone); the figures are the question's, asked again.
     */
    @Test
    void theReplacedValueIsReadFromTheCorrectionItself() {
        var v = turn(SET, "P13-mod-ollama-chat-bots-memory.txt", 5);
        assertTrue(v.output().contains("896 MiB") && v.output().contains("6 sequences"), v.output());
    }

    /** github.com/dusty-nv/jetson-containers/issues/372: the 64 GB AGX Orin, not the 32 GB one. */
    @Test
    void anotherBoardAsksTheFitQuestionAgainOnIt() {
        holdsSaying(SET, "P28-jetson-containers-70b-4bit-32gb-swap.txt", 5, "with 64 instead of 32");
    }

    @Test
    void theValueSaidComesBeforeTheOneItReplaces() {
        var c = CorrectedValue.of("wait, I checked the board: it's the 64 GB AGX Orin, not the 32 GB one")
                .orElseThrow();
        assertEquals("64", c.now());
        assertEquals("would a 70B at 3-bit fit on the 64 GB board?",
                c.in("would a 70B at 3-bit fit on the 32 GB board?"));
        assertNull(c.in("what does kv_unified mean here?"));
    }
}
