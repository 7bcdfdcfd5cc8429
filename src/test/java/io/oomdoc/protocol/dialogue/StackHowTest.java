package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** A what-if answer ends with how to make the change in the stack the session runs, from the how-to table. */
class StackHowTest {
    private final Conversation c = new Conversation();

    /** conversations/21-alpaca-lora-8bit-adam-trainer.txt #1 and #4 (tloen/alpaca-lora): the HF Trainer's flag. */
    @Test
    void aWhatIfOnTheOptimizerWithTheHfTrainerHeldShowsItsOptimFlag() {
        c.respond("fine-tuning llama 7b with alpaca-lora (hf trainer + peft lora) and trying to use 8 bit adam from"
                + " bitsandbytes but can't figure out how");
        Answer a = c.respond("what if i use paged_adamw_8bit instead?");
        assertTrue(a.text().startsWith("With optimizer paged-adamw-8bit: estimated peak"), a.text());
        assertTrue(a.text().contains("How, with HF Trainer:\n  TrainingArguments(..., optim="), a.text());
    }

    /** A larger batch is made by saying it: the accumulation snippet (for a smaller one) is not shown. */
    @Test
    void aLargerBatchGetsNoAccumulationSnippet() {
        c.respond("I'm doing a full fine-tune of Llama-2-7B with the HF Trainer on one A100 80GB, seq 2048, batch 4");
        Answer a = c.respond("what if batch 8?");
        assertFalse(a.text().contains("How, with"), a.text());
    }

    /** Without a stack held there is no snippet to choose: the what-if stays the figures and the note. */
    @Test
    void noStackHeldNoHowLine() {
        c.respond("full fine-tune of llama-2-7b on one A100 80GB, seq 2048, batch 4");
        Answer a = c.respond("what if I use bf16?");
        assertFalse(a.text().contains("How, with"), a.text());
    }
}
