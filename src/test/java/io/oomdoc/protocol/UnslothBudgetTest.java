package io.oomdoc.protocol;

import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fine-tune the user says runs on Unsloth is budgeted as Unsloth runs it: its checkpointing keeps the layer inputs
 * in host RAM and its loss kernel never holds the fp32 logits. The setup is Rick-cmy/ID2223-lab2's (README at
 * 995fac4, budget/measured_heldout14.json): Llama-3.2-1B 4-bit, LoRA r 8, length 2048, batch 2 on a Colab T4, whose
 * peak reserved memory was about 2.203 GB (2.20 GiB read as 2^30).
 */
class UnslothBudgetTest {
    private static final long GIB = 1L << 30;
    private static final String SAID =
            "fine-tuning llama-3.2-1b with unsloth, qlora r8 on a 16GB T4, seq 2048, batch 2";

    private static Setup setup() {
        return SetupFromFacts.from(FactExtractor.extract(SAID)).orElseThrow();
    }

    @Test
    void theWordUnslothNamesTheStack() {
        assertEquals("unsloth", FactExtractor.extract(SAID).framework());
    }

    @Test
    void unslothsCheckpointingAndLossKernelAreTheSetups() {
        assertEquals(Setup.Checkpointing.OFFLOAD, setup().checkpointing());
        assertEquals(Setup.Loss.FUSED_LINEAR, setup().loss());
    }

    @Test
    void thePeakIsNearTheMeasuredOneNotThreeTimesIt() {
        long total = new BudgetEngine().estimate(setup(), 15 * GIB).perGpuBytes().total();
        assertTrue(total > 1.5 * GIB && total < 3.5 * GIB, total / (double) GIB + " GiB");
    }

    /** unslothai/unsloth#3896 (conversations_heldout8/I20): a checkpoint published by Unsloth is no Unsloth job. */
    @Test
    void aModelRepositoryNamedAfterUnslothIsNotTheStack() {
        assertNotEquals("unsloth", FactExtractor.extract("pipe = DiffusionPipeline.from_pretrained("
                + "\"unsloth/Qwen-Image-2512-unsloth-bnb-4bit\", torch_dtype=torch.bfloat16)").framework());
    }
}
