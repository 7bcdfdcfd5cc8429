package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Long-Context study's ZeRO-3 run (DandinPower/Long-Context-LLM-Finetuning-Study, configs/cpu.json at cae8760:
 * stage3_max_live_parameters 0; run.sh: --liger_kernel) said with flags: 0 live parameters is DeepSpeed's own setting
 * and must not fall back to the 1e9 default, and --liger budgets Liger's kernels and its loss.
 */
class LongContextOffloadFlagsTest {
    @TempDir Path tmp;

    private static final List<String> BASE = List.of("budget", "--model", "llama-3.1-8b", "--seq", "128000",
            "--batch", "1", "--gpus", "4", "--zero", "3", "--offload-param", "--checkpointing", "full",
            "--offload-activations", "--attention", "flash");

    @Test
    void zeroLiveParametersAreTakenAsTheRunSetsThem() {
        String said = BudgetRuns.flat(tmp, BASE, "--max-live-params", "0");
        assertTrue(said.contains("stage3_max_live_parameters 0 as the run sets it"), said);
        assertFalse(said.contains("stage3_max_live_parameters not stated"), said);
    }

    @Test
    void ligerBudgetsItsKernelsAndItsFusedLinearLoss() {
        String said = BudgetRuns.flat(tmp, BASE, "--liger");
        assertTrue(said.contains("Liger's kernels: RMSNorm keeps its 16-bit input"), said);
        assertTrue(said.contains("fused linear cross-entropy"), said);
    }
}
