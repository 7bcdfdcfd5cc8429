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

import static org.junit.jupiter.api.Assertions.*;

/**
 * `--device-map auto` states transformers' from_pretrained(device_map="auto"): the layers over the GPUs in order,
 * one copy of the model (issue 14, item 3). The setup is the Hugging Face 4-bit blog's LLaMA-13B LLM.int8 + GC
 * run on two T4s (github.com/huggingface/blog 4bit-transformers-bitsandbytes.md at 1b4d85d).
 */
class DeviceMapFlagTest {
    @TempDir Path tmp;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... extra) {
        List<String> args = new ArrayList<>(List.of("budget", "--model", "llama-2-13b", "--seq", "512", "--batch",
                "1", "--lora-rank", "8", "--quant", "int8", "--checkpointing", "full", "--gpus", "2", "--gpu", "t4"));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
    }

    @Test
    void theBudgetSaysTheLayersAreSplit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "--device-map", "auto"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("layers split over 2 GPUs"));
    }

    @Test
    void theBatchFinderKeepsTheEffectiveBatchOverOneCopyOfTheModel() throws Exception {
        // the blog's run: batch 1 x accumulation 4 on the two T4s; the layers split, so the two cards take one
        // micro-batch between them, not one each
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("batch", "--model", "llama-2-13b", "--seq", "512", "--batch",
                "4", "--lora-rank", "8", "--quant", "int8", "--checkpointing", "full", "--gpus", "2", "--gpu", "t4",
                "--device-map", "auto", "--json"));
        assertEquals(0, Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false),
                err.toString(StandardCharsets.UTF_8));
        var r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(4, r.path("effective_batch").asInt());
        assertEquals(4, r.path("micro_batch").asInt() * r.path("accumulation_steps").asInt());
    }

    @Test
    void aLayerSplitWithZeroIsRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertNotEquals(0, run(out, err, "--device-map", "auto", "--zero", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--device-map"));
    }
}
