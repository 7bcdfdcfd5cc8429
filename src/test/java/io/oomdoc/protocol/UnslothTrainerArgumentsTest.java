package io.oomdoc.protocol;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unsloth's offloaded checkpointing, asked for at get_peft_model, was switched off at trainer.train() by Unsloth
 * 2025.12 to 2026.6 whenever the trainer's arguments left gradient_checkpointing unset (unslothai/unsloth#4735, fixed
 * by #6829 on 2026-07-03: "much higher VRAM use and OOM at batch sizes that used to fit"). The published figure is
 * khanhmay004's Day21 lab report (REPORT.md at ea07b89, budget/measured_heldout22.json): Qwen2.5-3B in 4-bit, LoRA r 16
 * on q_proj and v_proj, batch 1 on a Colab T4 in fp16, rows of at most 738 tokens, Unsloth 2026.6.9 with trl 0.15.2's
 * SFTConfig (gradient_checkpointing inherited as False); torch.cuda.max_memory_allocated() after trainer.train() read
 * 6.617750016 GB.
 */
class UnslothTrainerArgumentsTest {
    private static final double PUBLISHED = 6.617750016e9;
    private static final String SAID = "fine-tuning qwen2.5-3b with unsloth, use_gradient_checkpointing=\"unsloth\", "
            + "qlora r16 on a 16GB T4, fp16, seq 738, batch 1";

    private static Setup setup() {
        return SetupFromFacts.from(FactExtractor.extract(SAID)).orElseThrow();
    }

    /** What torch.cuda.max_memory_allocated counts: the live tensors, no context and no allocator slack. */
    private static double allocated(Setup s) {
        Budget.Terms t = new BudgetEngine().estimate(s, 15L << 30).perGpuBytes();
        return t.weights() + t.gradients() + t.optimizer() + t.activations() + t.logits() + t.kvCache();
    }

    @Test
    void theOffloadedEstimateSaysWhichTrainerArgumentsTurnItOff() {
        Setup s = setup();
        assertTrue(s.checkpointing() == Setup.Checkpointing.OFFLOAD, s.checkpointing().toString());
        assertTrue(new BudgetEngine().estimate(s, 15L << 30).assumptions().stream()
                .anyMatch(a -> a.contains("gradient_checkpointing=True") && a.contains("#6829")));
    }

    @Test
    void thePublishedPeakIsTheRunWithoutCheckpointingNotTheOffloadedOne() {
        double offloaded = allocated(setup());
        double without = allocated(setup().toBuilder().checkpointing(Setup.Checkpointing.NONE).build());
        // the offloaded estimate is under half the published peak; the one without checkpointing is within a quarter
        // of it (the rest is Unsloth's loss chunk, one chunk of fp32 logits at this length in these releases)
        assertTrue(offloaded < 0.5 * PUBLISHED, offloaded / 1e9 + " GB");
        assertTrue(Math.abs(without / PUBLISHED - 1) < 0.25, without / 1e9 + " GB");
    }
}
