package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A training fit that the budget rules out even at micro-batch 1 is answered "No" on its first line. */
class TrainingFitVerdictTest {
    /** The wording of issue 13's brief: Llama 3 8B, LoRA, seq 2048, a 24 GB card, no checkpointing stated. */
    @Test
    void aSetupThatDoesNotFitEvenAtMicroBatchOneIsANoFirst() {
        String out = new Conversation().respond("will Llama 3 8B fit on a 24 GB card for LoRA with seq 2048?").text();
        assertTrue(out.startsWith("No: not even micro-batch 1 of llama-3-8b fits"), out);
    }

    /**
     * ux13's row 11: the setup typed over the OOM of github.com/abacaj/fine-tune-mistral/issues/3
     * (traces/lora-8b-3090-backward-fine-tune-mistral-3.txt), then "will it fit on a 4090?". The states take less
     * than the card, so the reason must be the sample's activations on top of them, not the states "alone".
     */
    @Test
    void aNoWhoseStatesFitTheCardNamesWhatOverflowsInstead() {
        Conversation c = new Conversation();
        c.respond(io.oomdoc.Fixtures.text("traces/lora-8b-3090-backward-fine-tune-mistral-3.txt"));
        String out = c.respond("will it fit on a 4090?").text();
        assertTrue(out.startsWith("No: not even micro-batch 1 of llama-3.1-8b fits 24.00 GiB"), out);
        assertFalse(out.contains("alone take"), out);
        assertTrue(out.contains("one sample at seq 2048 needs"), out);
    }
}
