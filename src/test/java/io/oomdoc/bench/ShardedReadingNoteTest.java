package io.oomdoc.bench;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sharded run's published figure is one of three readings: one rank's allocator peak, nvidia-smi on a rank, or a
 * sum over the cards; the budget says which it is (issue 14, budget23). Records: Yuan2.0-M32's FastChat recipe, LoRA
 * over DeepSpeed ZeRO-3 on 8 L20s (github.com/IEIT-Yuan/Yuan2.0-M32, measured_heldout12.json, burned: per-GPU 'G'
 * figures the budget is under by 41-48%), and the Ziya-LLaMA-13B int8 row on one 3090 (Fengshenbang-LM's
 * ziya_inference readme, measured_heldout11.json).
 */
class ShardedReadingNoteTest {
    private static final String NOTE = "per GPU is one rank's own peak";

    private static Budget budget(String set, String id) throws IOException {
        return new BudgetEngine().estimate(BudgetBench.devSetup(MeasuredRecords.byId(set, id)), null);
    }

    @Test
    void aZeroThreeRunOverEightCardsSaysItsFigureIsOneRanksAndASumIsEightTimesIt() throws IOException {
        Budget b = budget("heldout12", "yuan2-m32-fastchat-51b-ds-zero3-lora-s1024-8xl20");
        assertTrue(b.assumptions().stream().anyMatch(a -> a.startsWith(NOTE) && a.contains("over the 8 GPUs")),
                String.join("\n", b.assumptions()));
    }

    @Test
    void aRunOnOneCardHasNoRankToName() throws IOException {
        Budget b = budget("heldout11", "ziya-inference-13b-hf-int8-1x3090");
        assertFalse(b.assumptions().stream().anyMatch(a -> a.startsWith(NOTE)), String.join("\n", b.assumptions()));
    }
}
