package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A training fit that the budget rules out even at micro-batch 1 is answered "No" on its first line. */
class TrainingFitVerdictTest {
    /** The wording of issue 13's brief: Llama 3 8B, LoRA, seq 2048, a 24 GB card, no checkpointing stated. */
    @Test
    void aSetupThatDoesNotFitEvenAtMicroBatchOneIsANoFirst() {
        String out = new Conversation().respond("will Llama 3 8B fit on a 24 GB card for LoRA with seq 2048?").text();
        assertTrue(out.startsWith("No: not even micro-batch 1 of llama-3-8b fits"), out);
    }
}
