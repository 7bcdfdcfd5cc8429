package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --kbit peft-fp32 budgets a QLoRA run prepared by PEFT's prepare_model_for_kbit_training, which casts what
 * bitsandbytes left unquantized to fp32 (can-i-finetune-this's runtime does it for every QLoRA run; its RTX 4080
 * rows, measured_heldout18.json, were 24-42% over the 16-bit reading).
 */
class KbitFlagTest {
    @TempDir Path tmp;

    private static final List<String> BASE = List.of("budget", "--model", "qwen2.5-7b", "--quant", "nf4",
                "--lora-rank", "16", "--seq", "1024", "--batch", "1", "--gpu", "rtx 4080");

    private String budget(String... extra) { return BudgetRuns.flat(tmp, BASE, extra); }

    @Test
    void peftPreparationKeepsTheUnquantizedModulesInFp32() {
        assertTrue(budget("--kbit", "peft-fp32").contains("embeddings and lm_head in fp32"));
    }

    @Test
    void leftOutTheModulesStayInTheLoadDtype() {
        assertTrue(budget().contains("embeddings and lm_head in 16-bit"));
    }
}
