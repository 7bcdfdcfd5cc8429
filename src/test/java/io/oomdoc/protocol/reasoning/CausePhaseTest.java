package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phase a cause implies, and where the evidence overrides it. A step-2 failure's phase: the cause says when (the second iteration), not where; a forward the evidence shows
 * stays forward, and only a phase nothing names becomes the optimizer step.
 */
class CausePhaseTest {
    @Test
    void aSecondStepThatFailsInTheForwardStaysForward() {
        // bmaltais/kohya_ss#875 (corpus/training.jsonl): step 1/1150 completes, the second step's U-Net forward
        // runs out of memory
        var c = Corpus.inAll("kohya-ss-875-3060-step2-unet-forward-batch2").orElseThrow();
        Report r = new Diagnoser().diagnose(LogText.of(c.withDescription()), null, Facts.EMPTY, null, null);
        // the step-2 cause and the batch are a close call on this report (a refit moves the order); either way the
        // phase is the forward the traceback shows, not the optimizer step the cause implies
        assertTrue(r.hypotheses().stream().limit(2).anyMatch(h -> h.category().equals("optimizer_state_step2")));
        assertEquals("forward", r.phase());
    }

    @Test
    void aStepTwoFailureThatNamesNoPhaseIsTheStep() {
        FeatureVector none = FeatureVector.builder().build();
        assertEquals("optimizer_step", Constraints.phase(none, Category.OPTIMIZER_STATE_STEP2, "unknown"));
        assertEquals("forward", Constraints.phase(none, Category.OPTIMIZER_STATE_STEP2, "forward"));
    }

    @Test
    void predictionsKeptByAPredictionRunOnItsOwnRanOutInTheForward() {
        // Imageomics/pybioclip#145 (corpus_heldout9): "GPU OOM during prediction", probabilities kept on the GPU
        FeatureVector words = FeatureVector.builder().flag("words-phase:forward").build();
        assertEquals("forward", Constraints.phase(words, Category.EVAL_ACCUMULATION, "forward"));
        // the same cause in a validation pass the words name stays eval
        FeatureVector eval = FeatureVector.builder().flag("words-phase:eval").build();
        assertEquals("eval", Constraints.phase(eval, Category.EVAL_ACCUMULATION, "forward"));
        assertEquals("eval", Constraints.phase(FeatureVector.builder().build(), Category.EVAL_ACCUMULATION, "forward"));
    }
}
