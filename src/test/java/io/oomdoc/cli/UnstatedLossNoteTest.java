package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training budget without --loss takes transformers' upcast cross-entropy (12 B a logit) and says so: Halo's PEFT
 * page (measured_heldout18.json, burned) runs Liger's in-place cross-entropy, and Qwen3-8B QLoRA at 32k measured
 * 43.5 GB where the silent upcast loss predicted 77.59 GiB; the note names the flags that change it.
 */
class UnstatedLossNoteTest {
    private static final String NOTE = "loss not stated: the cross-entropy over logits upcast to fp32 taken";
    @TempDir Path tmp;

    private static final List<String> BASE = List.of("budget", "--model", "llama-2-7b", "--quant", "nf4",
                "--seq", "1024", "--batch", "4", "--gpu", "mi250");

    private String budget(String... extra) { return BudgetRuns.flat(tmp, BASE, extra); }

    @Test
    void trainingWithoutTheFlagSaysTheUpcastLossWasTaken() {
        assertTrue(budget("--lora-rank", "8").contains(NOTE));
    }

    @Test
    void aLossStatedIsNoAssumption() {
        assertFalse(budget("--lora-rank", "8", "--loss", "fused").contains(NOTE));
    }

    @Test
    void servingNeedsNoLoss() {
        assertFalse(budget("--mode", "infer").contains(NOTE));
    }
}
