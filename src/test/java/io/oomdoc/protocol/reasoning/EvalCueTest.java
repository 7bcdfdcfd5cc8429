package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eval cue: evaluation named in words or by an evaluation routine, not inside any identifier that holds it. */
class EvalCueTest {
    private static final String KERAS_FIT = Corpus.heldout9().stream()
            .filter(c -> c.id().equals("keras-xlnet-4-p100-batch8-fit")).findFirst().orElseThrow().paste();

    @Test
    void kerasFitsPrintedSignatureIsNoEvaluation() {
        // CyberZHG/keras-xlnet#4 (corpus_heldout9): the IPython frame prints fit(..., validation_split,
        // validation_data, ..., validation_steps, validation_freq, ...) on every Keras training failure
        Set<String> x = CueFeatures.of(KERAS_FIT);
        assertFalse(x.contains("cue:eval") || x.contains("log:eval"), x.toString());
    }

    @Test
    void kerasFitsPrintedSignatureIsNotReadAsAnEvaluationCause() {
        var r = new Diagnoser().diagnose(LogText.of(KERAS_FIT), null, Facts.EMPTY, null, null);
        assertNotEquals("eval_accumulation", r.category());
    }

    @Test
    void evaluationInWordsOrALightningValidationStepStillCounts() {
        // a Lightning user's words (PhaseWordsTest), then Lightning-AI/pytorch-lightning#8453's own routine
        assertTrue(CueFeatures.of("There appears to be a memory leak during the validation routine").stream()
                .anyMatch(k -> k.endsWith(":eval")));
        assertTrue(CueFeatures.of("def validation_step(self, batch, batch_idx):\n        output = self.layer(batch)")
                .stream().anyMatch(k -> k.endsWith(":eval")));
    }
}
