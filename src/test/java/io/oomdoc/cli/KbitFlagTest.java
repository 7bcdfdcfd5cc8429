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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --kbit peft-fp32 budgets a QLoRA run prepared by PEFT's prepare_model_for_kbit_training, which casts what
 * bitsandbytes left unquantized to fp32 (can-i-finetune-this's runtime does it for every QLoRA run; its RTX 4080
 * rows, measured_heldout18.json, were 24-42% over the 16-bit reading).
 */
class KbitFlagTest {
    @TempDir Path tmp;

    private String budget(String... extra) {
        List<String> args = new ArrayList<>(List.of("budget", "--model", "qwen2.5-7b", "--quant", "nf4",
                "--lora-rank", "16", "--seq", "1024", "--batch", "1", "--gpu", "rtx 4080"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false),
                err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    @Test
    void peftPreparationKeepsTheUnquantizedModulesInFp32() {
        assertTrue(budget("--kbit", "peft-fp32").contains("embeddings and lm_head in fp32"));
    }

    @Test
    void leftOutTheModulesStayInTheLoadDtype() {
        assertTrue(budget().contains("embeddings and lm_head in 16-bit"));
    }
}
