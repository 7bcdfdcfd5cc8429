package io.oomdoc.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Conversations written from the user's side, answered by the embedded dialogue. */
class ChatTest {
    private final ChatResponder chat = new ChatResponder();

    @Test
    void nanochatOn3090GetsADeviceBatchAndAccumulation() {
        ChatResponder.Reply r = chat.respond("CUDA OOM on RTX 3090 (24GB) training nanochat with depth=24, device batch size 64, seq len 2048", Facts.EMPTY);
        assertNotNull(r.report());
        assertEquals("GeForce RTX 3090", r.facts().gpuName());
        assertEquals(24, r.facts().depth());
        Report.Fix first = r.report().fixes().get(0);
        assertTrue(first.after().contains("--device-batch-size="), first.after());
        assertTrue(first.after().contains("524288"), "the total batch is kept: " + first.after());
        assertFalse(first.changesScience());
        int micro = Integer.parseInt(first.after().replaceAll("(?s).*--device-batch-size=(\\d+).*", "$1"));
        assertTrue(micro >= 1 && micro < 64, "micro-batch " + micro);
    }

    @Test
    void factsCarryOverToAFollowUpQuestion() {
        ChatResponder.Reply first = chat.respond("I have a 24 GB 3090 and train llama-3.1-8b with QLoRA at seq len 4096", Facts.EMPTY);
        ChatResponder.Reply second = chat.respond("what batch fits?", first.facts());
        assertNull(second.report(), "a follow-up is answered from the budget, not with a new diagnosis");
        assertTrue(second.text().contains("micro-batch"), second.text());
        assertTrue(second.text().contains("llama-3.1-8b"), second.text());
    }

    @Test
    void aFollowUpWithoutEnoughFactsAsksTheMissingOne() {
        ChatResponder.Reply r = chat.respond("what batch fits?", Facts.EMPTY);
        assertTrue(r.text().endsWith("?"), r.text());
        assertTrue(r.text().toLowerCase().contains("model"));
    }

    @Test
    void checkpointingQuestionIsAnsweredWithCheckpointingOn() {
        Facts f = chat.respond("RTX 4090 24GB, gpt2-xl, batch 16, seq len 1024, fp32", Facts.EMPTY).facts();
        ChatResponder.Reply r = chat.respond("would checkpointing be enough?", f);
        assertTrue(r.text().contains("checkpointing on"), r.text());
    }

    @Test
    void growthDuringValidationIsDiagnosedAsEvaluation() {
        ChatResponder.Reply r = chat.respond("Training is fine but during validation the GPU memory keeps growing until CUDA out of memory", Facts.EMPTY);
        assertEquals("eval_accumulation", r.report().category());
        assertTrue(r.report().kb().contains("M15"));
    }

    @Test
    void aBareKilledIsHostRamNotVram() {
        ChatResponder.Reply r = chat.respond("my job just prints Killed with exit code 137 while the dataloader has num_workers=16", Facts.EMPTY);
        assertEquals("host_ram_oom", r.report().issueType());
        assertEquals("host_ram_oom", r.report().category());
    }
}
