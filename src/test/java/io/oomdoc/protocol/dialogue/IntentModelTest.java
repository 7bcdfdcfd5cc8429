package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The learned intent's two certainties: a pasted failure is a new failure, and an answer needs a pending question.
 * The turns are from src/test/resources/conversations/07-hf-trainer-eval-compute-metrics.txt
 * (discuss.huggingface.co/t/2941) and the "the answer 2048 to oomdoc's own question".
 */
class IntentModelTest {
    private final IntentModel model = IntentModel.bundled();

    private static IntentClassifier.Signals signals(String text, boolean pasted, boolean pending) {
        return new IntentClassifier.Signals(text, pasted, false, true, false, pending, true, false, false, false);
    }

    @Test
    void aPastedFailureIsANewFailureWhateverItsWords() {
        var s = signals("how do i set eval_accumulation_steps?", true, false);
        assertEquals(Intent.NEW_FAILURE, model.classify(new IntentFeatures.State(s, Intent.HOW_TO, Intent.HOW_TO)));
    }

    @Test
    void aBareNumberAnswersOnlyAPendingQuestion() {
        assertEquals(Intent.ANSWER, model.classify(new IntentFeatures.State(signals("2048", false, true),
                Intent.ANSWER, Intent.NEW_FAILURE)));
        assertNotEquals(Intent.ANSWER, model.classify(new IntentFeatures.State(signals("2048", false, false),
                Intent.ANSWER, Intent.NEW_FAILURE)));
    }
}
