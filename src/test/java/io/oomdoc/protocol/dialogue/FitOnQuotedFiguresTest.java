package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fit turns answered with the user's own figures (issue 13, conv54): the card the user has, not the one a quotation
 * names; a need and a total the user worked out, set against each other; the card asked about; and no estimate that
 * contradicts the figures quoted. Real turns of burned sets 16, 31, 32 and 34 (development data, the choose side).
 */
class FitOnQuotedFiguresTest {
    private static final Path SET16 = Path.of("src/test/resources/conversations_heldout16");
    private static final Path SET31 = Path.of("src/test/resources/conversations_heldout31");
    private static final Path SET32 = Path.of("src/test/resources/conversations_heldout32");
    private static final Path SET34 = Path.of("src/test/resources/conversations_heldout34");

    /** github.com/ControlNet/MARLIN/issues/34: the "We use 2 RTX A6000 48GB" inside the author's quotation. */
    @Test
    void aCardInsideTheAuthorsQuotationIsNotTheUsers() {
        var facts = FactExtractor.read("the MARLIN author says: \"We use 2 RTX A6000 48GB GPUs for training.\" "
                + "I have one 24 GB 3090. what batch can I use?").asserted();
        assertEquals("GeForce RTX 3090", facts.gpuName());
        assertEquals(24L << 30, facts.gpuMemBytes());
    }

    /** github.com/ChenWWWeixiang/OpenCovidDetector/issues/4: "We used 2080Ti 11G"; the user's is an 8 GB 3070. */
    @Test
    void theUsersCardAfterTheQuotationIsHeld() {
        var v = turn(SET32, "P22-covid-ct-slices-batch-32-on-8gb.txt", 1);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/allenai/reward-bench/pull/31: "8 x 48 = 384 GB. does 280 GB fit there?" */
    @Test
    void aNeedPutOnTheCardsSumTheUserWorkedOut() {
        var v = turn(SET34, "P09-reward-bench-dpo-70b-on-eight-a6000s.txt", 3);
        assertTrue(v.output().startsWith("280 GiB needed, within the card (384 GiB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/lyuchenyang/Macaw-LLM/issues/17: "4 x 24 is 96 GB. does that 112 GB fit ...?" */
    @Test
    void aNeedOverTheCardsSumIsShort() {
        var v = turn(SET34, "P22-macaw-llm-finetune-on-four-3090s.txt", 3);
        assertTrue(v.output().contains("short by 16 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/jaylfc/taOS/issues/144: the run's total, 10054 MiB, over an 8 GB card; the budget of the weights
     * alone ("Yes: about 5.19 GiB") would contradict it and is left out.
     */
    @Test
    void noEstimateContradictsTheQuotedTotal() {
        var v = turn(SET16, "P42-taos-qwen35-9b-131k-kv-quantization.txt", 1);
        assertTrue(v.output().contains("short by 1.82 GiB"), v.output());
        assertFalse(v.output().contains("Yes"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/microsoft/TRELLIS/issues/42: "works in Colab on an A100 ... will it fit a T4?" answers for the T4. */
    @Test
    void theCardAfterFitIsTheOneAnswered() {
        var v = turn(SET31, "P13-trellis-on-a-colab-t4.txt", 1);
        assertTrue(v.output().contains("T4"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** The need's verdict decides which budget may follow it: one saying the opposite is left out. */
    @Test
    void aBudgetAgreesOnlyWhenItsVerdictMatches() {
        String over = "9.82 GiB needed, more than the card (8 GiB): short by 1.82 GiB, so it does not fit as it is.";
        String within = "280 GiB needed, within the card (384 GiB): it fits, with 104 GiB to spare before anything"
                + " else on it.";
        assertFalse(QuotedAgreement.agrees(over, "Yes: about 5.19 GiB per GPU for serving, within the 8 GiB card."));
        assertTrue(QuotedAgreement.agrees(over, "No: about 9 GiB per GPU for serving, more than the 8 GiB card."));
        assertFalse(QuotedAgreement.agrees(within, "Fixed cost of x: that alone does not fit: shard it."));
        assertTrue(QuotedAgreement.agrees(within, "Largest micro-batch: 5 (llama-3.2-3b, seq 8192 on 15.00 GiB)."));
    }
}
