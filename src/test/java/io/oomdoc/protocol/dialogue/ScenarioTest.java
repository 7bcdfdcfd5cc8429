package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question that refers back to the last what-if ("would batch 8 then fit?" after "what if I turn on gradient
 * checkpointing?") is about both changes, as an expert hears it. The setup is the session's new-user trial of a
 * common thread shape: Llama-3.1-8B LoRA under the HF Trainer on a 24 GB RTX 4090, batch 4 at 4096 tokens.
 */
class ScenarioTest {
    private static final String FAILURE = "fine-tuning Llama-3.1-8B with LoRA r=16 via HF Trainer on a single RTX 4090,"
            + " bf16, per_device_train_batch_size=4, max_seq_length 4096, OOM at the first backward";

    private static Conversation afterCheckpointingWhatIf() {
        Conversation c = new Conversation();
        c.respond(FAILURE);
        c.respond("what if I turn on gradient checkpointing?");
        return c;
    }

    @Test
    void aFitQuestionThatSaysThenKeepsTheLastWhatIf() {
        String s = afterCheckpointingWhatIf().respond("would batch 8 then fit?").text();
        assertTrue(s.startsWith("Keeping the last what-if (checkpointing full)"), s);
        assertFalse(s.contains("gradient checkpointing,"), "a rung the scenario stands on is not offered: " + s);
    }

    @Test
    void theScenarioOutlivesAHowToTurnBetween() {
        Conversation c = afterCheckpointingWhatIf();
        c.respond("how do I do that with the Trainer?");
        String s = c.respond("and with batch 2 then?").text();
        assertTrue(s.contains("With batch 2, checkpointing full"), s);
    }

    @Test
    void aQuestionThatDoesNotReferBackStandsAlone() {
        String s = afterCheckpointingWhatIf().respond("what if I use batch 2?").text();
        assertFalse(s.contains("Keeping the last what-if"), s);
        assertFalse(s.contains("checkpointing full"), s);
    }

    @Test
    void aNewFailureEndsTheScenario() {
        Conversation c = afterCheckpointingWhatIf();
        c.respond(FAILURE.replace("4096", "2048"));
        String s = c.respond("would batch 8 then fit?").text();
        assertFalse(s.contains("Keeping the last what-if"), s);
    }

    @Test
    void aSmallerMicroBatchSnippetCarriesTheNumbersOfTheAnswer() {
        Conversation c = new Conversation();
        c.respond(FAILURE);
        String s = c.respond("what if I use batch 1?").text();
        assertTrue(s.contains("per_device_train_batch_size=1, gradient_accumulation_steps=4"), s);
    }
}
