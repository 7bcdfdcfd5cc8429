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
    private static final String KOBOLD = "Windows 10, Ryzen 7 PRO 2700, NVIDIA GeForce RTX 4070 Ti SUPER, 32 GB RAM. I"
            + " run Llama-3.1-70B-Instruct-lorablated-Q4_K_L.gguf. If I set the GPU layers high, koboldcpp closes right"
            + " away. If I leave -1 the web UI starts but text generation is very slow, 1 word per minute. Am I"
            + " choosing the wrong settings or the wrong model?";

    private static IntentClassifier.Signals signals(String text, boolean pasted, boolean pending) {
        return new IntentClassifier.Signals(text, pasted, false, true, false, pending, true, false, false, false);
    }

    /**
     * github.com/LostRuins/koboldcpp/issues/1185 (conversations_heldout6/G23, a turn the weights learn from): the
     * user's own crash told with "if I set the GPU layers high" is the failure, not a what-if as the rules read it.
     */
    @Test
    void theUsersOwnCrashToldWithAnIfIsTheNewFailure() {
        assertEquals(Intent.NEW_FAILURE, new Conversation().respond(KOBOLD).intent());
        assertEquals(Intent.WHAT_IF, Conversation.rulesOnly().respond(KOBOLD).intent());
    }

    /**
     * github.com/lllyasviel/stable-diffusion-webui-forge/issues/1824 (conversations_heldout12/M02, turn 1): a setup
     * that the rules read as a statement but that names its memory ("16GB of VRAM ... a 22GB FLUX model") and a
     * blue screen is the failure; only a setup with no trouble and no memory in it stays a statement.
     */
    @Test
    void aSetupThatNamesItsMemoryAndACrashIsTheNewFailure() {
        var s = new IntentClassifier.Signals("16GB of VRAM and 32GB of RAM. I load a 22GB FLUX model in Forge, every"
                + " setting at its default, and every time I hit generate windows blue-screens with memory_management",
                false, false, true, false, false, false, false, false, false);
        assertEquals(Intent.NEW_FAILURE, model.classify(new IntentFeatures.State(s, Intent.STATEMENT, null)));
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
