package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private String budget(String... extra) {
        List<String> args = new ArrayList<>(List.of("budget", "--model", "llama-2-7b", "--quant", "nf4",
                "--seq", "1024", "--batch", "4", "--gpu", "mi250"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false),
                err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

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
