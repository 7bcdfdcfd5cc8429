package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Turns of the burned conversation sets 17 and 19 that the bundled intent weights read as labelled since those sets
 * joined the training data (IntentData, intent17), each from the state the rules-only play reads on it (signals, the
 * rules' intent, the intent before). The weights learn from these turns: the tests pin that the refit took them in,
 * they measure nothing. The weights fitted before (sets up to 16's readable half) read each as a follow-up.
 */
class IntentRefitTest {
    private final IntentModel model = IntentModel.bundled();

    /**
     * The signals as DevTurnIntentsTest's rows write them: one letter per flag of {@link IntentClassifier.Signals}
     * in order (P pasted, D describes, A asserts, H hypothetical, Q pending, F holds a failure, B about the failure
     * held, W after a what-if, T after a how-to), '-' where it is off.
     */
    private static IntentFeatures.State state(String text, String flags, Intent rule, Intent previous) {
        boolean[] on = new boolean[FLAGS.length()];
        for (int i = 0; i < on.length; i++) on[i] = flags.charAt(i) == FLAGS.charAt(i);
        var s = new IntentClassifier.Signals(text, on[0], on[1], on[2], on[3], on[4], on[5], on[6], on[7], on[8]);
        return new IntentFeatures.State(s, rule, previous);
    }

    private static final String FLAGS = "PDAHQFBWT";

    /** conversations_heldout19/P15-llada-v-finetune-5090.txt turn 4 (github.com/ML-GSAI/LLaDA-V/issues/25). */
    @Test
    void aWhyAboutHowAChangeActsIsAnExplanation() {
        assertEquals(Intent.EXPLAIN, model.classify(state("why would a smaller image size help at all?", "-----F-W-",
                Intent.FOLLOW_UP, Intent.WHAT_IF)));
    }

    /** conversations_heldout19/P12-so-bert-colab-intermittent-oom.txt turn 2 (qa.1r1g.com/sf/ask/4372784251). */
    @Test
    void aCardsMemoryAskedForIsAnExplanation() {
        assertEquals(Intent.EXPLAIN, model.classify(state("colab gave me a T4 this time. how much memory does that"
                + " have?", "--A-QF---", Intent.FIT, Intent.NEW_FAILURE)));
    }

    /**
     * conversations_heldout17/P20-modal-llm-finetuning-70b-merge-oom.txt turn 4
     * (github.com/modal-labs/llm-finetuning/issues/66).
     */
    @Test
    void whetherTheMachineIsEnoughIsAFitQuestion() {
        assertEquals(Intent.FIT, model.classify(state("the machine has 256 GB of RAM. is that enough to merge in"
                + " bf16?", "--AH-F--T", Intent.FOLLOW_UP, Intent.HOW_TO)));
    }
}
