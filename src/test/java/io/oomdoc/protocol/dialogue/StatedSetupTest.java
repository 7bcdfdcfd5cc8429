package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A setup stated after a failure was diagnosed ("it's the 72B model, on one A100 80GB") is a statement even when the
 * report had asked for the card: the facts are updated and the answer says what they change (the weights against the
 * card, the cards' sum, the batch as the lever). Real turns of the readable halves of conversations_heldout2, 4, 8
 * and 12 (development data; read by conv53).
 */
class StatedSetupTest {
    private static final Path SET2 = Path.of("src/test/resources/conversations_heldout2");
    private static final Path SET4 = Path.of("src/test/resources/conversations_heldout4");
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET12 = Path.of("src/test/resources/conversations_heldout12");

    /** github.com/xlang-ai/aguvis/issues/14: a 72B at 2 bytes a weight is 144 GB, more than the 80 GB card. */
    @Test
    void aModelStatedWithTheCardIsWeighedAgainstIt() {
        holdsSaying(SET12, "M30-aguvis-inference-oom-how-many-gpus.txt", 2, "144 GB");
    }

    /** github.com/sgl-project/sglang/issues/4330: two L40S add up only when the model is split over them. */
    @Test
    void twoCardsStatedAreSummedWithWhyTheyAreNoPool() {
        holdsSaying(SET2, "K06-sglang-l40s-eagle-stuck-between-errors.txt", 2, "tensor parallel");
    }

    /** github.com/m-bain/whisperX/issues/315: "16gb VRAM, large-v2, 20 batch size" says more than the card asked. */
    @Test
    void aBatchStatedWhereTheWeightsFitIsTheLever() {
        holdsSaying(SET4, "M09-whisperx-large-v2-batch20-16gb.txt", 2, "lowering batch_size");
    }

    /** github.com/meta-llama/llama-cookbook/issues/785: "I tried with 8 x A40, each 48GB" is a statement, noted. */
    @Test
    void eightCardsStatedAfterTheReportAreAStatement() {
        var v = turn(SET8, "I06-llama-cookbook-fsdp-50k-context-eight-a40.txt", 2);
        assertEquals("statement", v.gotIntent(), v.output());
        assertTrue(v.output().contains("8 cards of"), v.output());
    }

    @Test
    void weightsOverTheCardLeaveTheBatchOut() {
        Facts stated = Facts.builder().params(72_000_000_000L).gpuMemBytes(80L << 30).batch(4).build();
        var lines = StatedSetup.of(stated, stated);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("more than the 80 GiB card"), lines.toString());
    }

    @Test
    void aStatementOfNeitherModelNorCardChangesNothingComputed() {
        Facts held = Facts.builder().params(7_000_000_000L).gpuMemBytes(24L << 30).build();
        assertFalse(StatedSetup.of(Facts.builder().optimizer("adamw").build(), held).iterator().hasNext());
    }
}
