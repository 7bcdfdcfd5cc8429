package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Intents told by the meaning of the turn rather than one phrase: a question about this run, a step asked with any
 * verb, what happened next, a question inside a description. Each turn is written from the thread cited.
 */
class IntentRulesTest {
    private final Conversation c = new Conversation();

    /** github.com/CosmiQ/solaris/issues/361: inference on 2048x2048 images runs out of memory. */
    private static final String SOLARIS = "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 11.93"
            + " GiB total capacity; 8.75 GiB already allocated; 763.06 MiB free; 10.74 GiB reserved in total by PyTorch)";

    /**
     * github.com/tensorflow/models/issues/3316: the run fails after 17825 steps although the peak should have come
     * at the start. A "why" about a moment of this run is a follow-up, answered with the mechanism and no report; a
     * bare "why is it asking for so much" stays an explanation.
     */
    @Test
    void aWhyAboutAMomentOfThisRunIsAFollowUp() {
        c.respond(SOLARIS);
        Answer a = c.respond("the peak should come at the start, why does it only fail after 17825 steps");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertNull(a.report());
        assertTrue(a.text() != null && !a.text().isBlank());
        assertEquals(Intent.EXPLAIN, c.respond("why is it trying to allocate 2 GiB").intent());
    }

    /**
     * github.com/va1shn9v/PromptIR/issues/2 and github.com/movingforward100/Shadow_R/issues/1 on the solaris trace:
     * "can I split the image into tiles to avoid the oom" asks whether a change helps with the failure held, a
     * follow-up by FORMAT.md's boundary ("would bf16 help?"), and it is answered in a few lines, not a report. It
     * was a how-to until the intent weights learned from sets 12, 13 and 14's readable half (conv13a), whose writers
     * label such turns by that boundary.
     */
    @Test
    void whetherAChangeHelpsTheHeldFailureIsAShortFollowUp() {
        c.respond(SOLARIS);
        Answer a = c.respond("can I split the image into tiles to avoid the oom");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertNull(a.report());
    }

    /**
     * github.com/ACEsuit/mace/issues/928: with a failure held, "it now dies in a later epoch instead" is
     * what happened next, a follow-up; "the card has 12 GB" is setup, a statement.
     */
    @Test
    void whatHappenedNextIsAFollowUpAndSetupIsAStatement() {
        c.respond(SOLARIS);
        assertEquals(Intent.FOLLOW_UP, c.respond("with batch 3 it died in a later epoch instead")
                .intent());
        assertEquals(Intent.STATEMENT, c.respond("the card has 12 GB").intent());
    }

    /** github.com/tloen/llama-int8/issues/5: which llama size runs on 8 GB is a fit question. */
    @Test
    void whichSizeFitsIsAFitQuestion() {
        assertEquals(Intent.FIT, c.respond("which llama size fits my 8GB card").intent());
    }

    /**
     * github.com/pytorch/pytorch/issues/28394: a first message that describes what was measured and asks inside it
     * ("are those results expected? …") asks for an explanation; it is not a statement of setup.
     */
    @Test
    void aDescriptionWithAQuestionInsideAsksForAnExplanation() {
        Answer a = c.respond("a tiny tensor on a Titan V takes the used GPU memory to 1008 MiB. is that expected? the"
                + " pytorch cache is only 2 MB");
        assertEquals(Intent.EXPLAIN, a.intent());
    }

    /**
     * github.com/jiaxi-jiang/FBCNN/issues/4: a first message that reports the user's own out-of-memory error is the
     * failure, even when it ends by asking how to go on; the report answers that.
     */
    @Test
    void aFirstMessageReportingTheUsersOwnErrorIsTheFailureWhateverItAsks() {
        Answer a = c.respond("I ran main_test_fbcnn_color.py on a 12 MPix JPEG with one 16 GB V100 and it threw an out"
                + " of memory error. how do I use it with large images?");
        assertEquals(Intent.NEW_FAILURE, a.intent());
    }

    /**
     * github.com/CosmiQ/solaris/issues/361: the tiler puts every sub-window of a large image into one batch; "how
     * many sub-windows is that per batch" asks a quantity about the failure held, an explanation.
     */
    @Test
    void aQuantityAskedAboutTheFailureHeldIsAnExplanation() {
        c.respond(SOLARIS);
        assertEquals(Intent.EXPLAIN, c.respond("how many sub-windows is that per batch").intent());
    }

    /**
     * github.com/huggingface/transformers/issues/6202: fine-tuning distilbart runs out of CUDA memory even at batch 1.
     * A first message with one sentence that tells the run's memory ran out is the failure, whatever it asks next; a
     * message that only asks how to avoid running out is not.
     */
    @Test
    void aSentenceThatTellsTheRunRanOutMakesTheFirstMessageTheFailure() {
        assertEquals(Intent.NEW_FAILURE, c.respond("fine-tuning my distilbart-cnn-12-6 model with finetune.py, CUDA out"
                + " of memory even with a batch size of 1. would fp16 be enough to fit it?").intent());
        assertTrue(IntentClassifier.tellsFailure("CUDA out of memory even with a batch size of 1."));
        assertTrue(!IntentClassifier.tellsFailure("how do I fine-tune distilbart without running out of memory?"));
    }
}
