package io.oomdoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `--modules-to-save` says PEFT's modules_to_save to the budget commands. The case is ms-swift's
 * examples/train/agent/loss_scale/train.sh at 3602360a562313afbf2ef6065fdf61f271a2c5b9 (github.com/modelscope/ms-swift):
 * Qwen2.5-3B, LoRA rank 8, --modules_to_save embed_tokens lm_head, one GPU, bf16 (its measured peak is in
 * measured_heldout8.json, burned; io.oomdoc.bench.ModulesToSaveReadingTest reads it from the record).
 */
class ModulesToSaveFlagTest {
    @TempDir Path tmp;
    /** Qwen2.5-3B's vocabulary and hidden size (catalog/models.csv). */
    private static final long VOCAB = 151_936, HIDDEN = 2048;

    private record Result(int code, String out, String err) { }

    private Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("budget", "--model", "qwen2.5-3b", "--seq", "2048", "--batch", "1",
                "--lora-rank", "8", "--json"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode terms(Result r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out()).path("per_gpu_bytes");
    }

    @Test
    void theEmbeddingAndTheHeadSavedInFullAddTwoBf16CopiesAndTheirMoments() throws Exception {
        JsonNode with = terms(run("--modules-to-save", "embed_tokens,lm_head")), without = terms(run());
        long copies = 2 * VOCAB * HIDDEN;
        // bf16 as loaded (PEFT upcasts only its adapter layers): 2 B a parameter, torch AdamW's moments 2 x 2 B
        assertEquals(2 * copies, with.path("weights").asLong() - without.path("weights").asLong());
        assertEquals(4 * copies, with.path("optimizer").asLong() - without.path("optimizer").asLong(), 1e6);
    }

    @Test
    void aModuleWhoseSizeIsNotKnownIsRefusedByName() {
        Result r = run("--modules-to-save", "score");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("embed_tokens, lm_head"), r.err());
    }
}
