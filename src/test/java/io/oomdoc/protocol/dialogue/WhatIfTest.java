package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** What-ifs: the change's effect, computed where it can be and in proportion where it cannot. */
class WhatIfTest {
    private final Conversation c = new Conversation();

    /** ultralytics/yolov5 issues: a batch change on a model the budget has no length for. */
    @Test
    void aBatchChangeWithoutALengthIsAnsweredByProportionNotByAZeroSaving() {
        c.respond("I am training yolov5l on a GeForce RTX 3070 with batch-size 16 and get CUDA out of memory");
        Answer a = c.respond("what if batch 8");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().startsWith("Batch 16 → 8"), a.text());
        assertTrue(a.text().contains("×0.50 (half)"), a.text());
        assertFalse(a.text().contains("saves 0 B"), a.text());
        assertFalse(a.text().contains("8-bit"), a.text());
    }

    /** Megatron's and DeepSpeed's users say what is sharded rather than which ZeRO stage. */
    @Test
    void shardingTheOptimizerStatesIsZeroOneAndTheAnswerSaysWhatItShards() {
        c.respond("full fine-tune of llama-2-7b on two A100 80GB, bf16, seq 2048, batch 4");
        Answer a = c.respond("what if the optimizer states were sharded across both gpus");
        assertTrue(a.text().contains("zero 1 (optimizer state sharded over the GPUs)"), a.text());
        assertNull(c.facts().zeroStage());
    }

    /** Nothing held to compare with: the hypothetical setup is costed, not compared with itself. */
    @Test
    void aHypotheticalWithNothingHeldIsCostedNotComparedWithItself() {
        Answer a = c.respond("would a full fine-tune of a 3B model fit on an A100 80GB?");
        assertTrue(a.text().startsWith("Fixed cost of"), a.text());
        assertTrue(a.text().contains("bytes per parameter"), a.text());
        assertFalse(a.text().contains("saves 0 B"), a.text());
    }

    /** facebookresearch/llama-recipes: an 8-GPU FSDP run asked about "with 8 cards", which is what it has. */
    @Test
    void aChangeToWhatIsHeldGivesTheEstimateNotAZeroSaving() {
        c.respond("fine-tuning llama-2-7b with FSDP on 8 RTX 3090, seq 2048, batch 1");
        Answer a = c.respond("what if with 8 gpus");
        assertFalse(a.text().contains("saves 0 B"), a.text());
        assertTrue(a.text().contains("the same as the setup held"), a.text());
    }

    /**
     * conversations_heldout/H05-trl-dpo-codellama-a100-40g.txt #1 (huggingface/trl), its how-to #4 asked as a
     * what-if: the budget counts SDPA already, so the figure is what a fused kernel saves against eager attention.
     */
    @Test
    void aFusedAttentionWhatIfIsCostedAgainstEagerAttention() {
        c.respond("DPOTrainer on codellama-7b-python (already SFT'd). A100 40G, max_prompt_length 512, max_length 1024,"
                + " batch size 16 -> cuda out of memory. i can't shorten my data, what do i do");
        Answer a = c.respond("what if i load the model with flash attention 2");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().contains("against attn_implementation='eager' it saves"), a.text());
    }
}
