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
 * A training budget without --loss takes transformers' upcast cross-entropy (12 B a logit) and says so: Halo's PEFT
 * page (measured_heldout18.json, burned) runs Liger's in-place cross-entropy, and Qwen3-8B QLoRA at 32k measured
 * 43.5 GB where the silent upcast loss predicted 77.59 GiB; the note names the flags that change it.
 */
class UnstatedLossNoteTest {
    private static final String NOTE = "loss not stated: the cross-entropy over logits upcast to fp32 taken";
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
