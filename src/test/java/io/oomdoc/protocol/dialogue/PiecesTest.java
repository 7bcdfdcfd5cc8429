package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An input cut into pieces processed one at a time is bounded by one piece: a share of the whole when its length or
 * the number of pieces was said, else the bound itself. And a length in thousands compares with one said in tokens.
 * Turns of the burned held-out sets 25 and 29 (each scored blind once, development data since).
 */
class PiecesTest {
    /** github.com/VinAIResearch/ISBNet/issues/9: "what if I split each validation scene into four blocks?". */
    @Test
    void fourBlocksAreAQuarterEach() {
        var v = turn(Path.of("src/test/resources/conversations_heldout29"), "P22-isbnet-a5000-validation-oom.txt", 4);
        assertTrue(v.output().contains("One of 4 pieces at a time") && v.output().contains("×0.25"), v.output());
    }

    @Test
    void aPieceOfAKnownLengthIsItsShare() {
        String said = PieceSplit.of(new Calculations.Ask("what if I cut it into 10-minute pieces?",
                "what if I cut it into 10-minute pieces?\nthe recording is 2 hours long", Facts.EMPTY));
        assertTrue(said != null && said.contains("×0.08"), said);
    }

    /** github.com/khalooei/Voxtral-AI-Demo-Local-Interface/issues/2: "what if I cut the audio into 10-minute pieces?" of a long file. */
    @Test
    void aPieceOfAnUnknownWholeIsTheBound() {
        var v = turn(Path.of("src/test/resources/conversations_heldout25"), "P47-voxtral-3090-long-audio.txt", 3);
        assertTrue(v.output().contains("Pieces of 10 minute"), v.output());
    }

    /** github.com/DominikBucko/qwen38-flash-next-2x3090/issues/2: "3.82 GiB is needed for 256000 tokens", then "drop to 128k context?". */
    @Test
    void thousandsCompareWithTokens() {
        var v = turn(Path.of("src/test/resources/conversations_heldout29"), "P02-qwen-next-2x3090-256k-kv-bytes.txt",
                4);
        assertTrue(v.output().contains("256000 tokens → 128k") && v.output().contains("×0.50 (half)"), v.output());
    }
}
