package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training budget without --optimizer takes torch's AdamW and says so: the QLoRA recipes train with paged AdamW
 * (HF's paged_adamw_32bit; ROCm/rocm-blogs' llama2-Qlora post among them), whose states page out to host RAM when
 * the card is full, so a silent AdamW can call OOM on a run that fits.
 */
class UnstatedOptimizerNoteTest {
    private static final String NOTE = "optimizer not stated: torch's AdamW taken";
    @TempDir Path tmp;

    private static final List<String> BASE = List.of("budget", "--model", "llama-2-7b", "--quant", "nf4",
                "--seq", "1024", "--batch", "4", "--gpu", "mi250");

    private String budget(String... extra) { return BudgetRuns.flat(tmp, BASE, extra); }

    @Test
    void trainingWithoutTheFlagSaysAdamWWasTaken() {
        assertTrue(budget("--lora-rank", "8").contains(NOTE));
    }

    @Test
    void anOptimizerStatedIsNoAssumption() {
        assertFalse(budget("--lora-rank", "8", "--optimizer", "paged-adamw").contains(NOTE));
    }

    @Test
    void servingNeedsNoOptimizer() {
        assertFalse(budget("--mode", "infer").contains(NOTE));
    }
}
