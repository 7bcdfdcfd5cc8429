package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mai's Llama-2-7B LoRA runs (https://github.com/ethanyanjiali/Mai/blob/13327b784b9c5a66048c483f63479fcf90d01f40/
 * training/README.md, measured_heldout17.json, burned) train with Ray's template finetune_hf_llm.py, which calls
 * model.gradient_checkpointing_enable() unless --no-grad-ckpt is passed; the records say nothing of checkpointing.
 * Read without it, 16 x 512 tokens a rank on two 24 GB L4s was called OOM at 67.33 GiB; nvidia-smi read 21.02 GiB.
 */
class RayTemplateCheckpointingReadingTest {
    private static final List<JsonNode> RECORDS = load();

    private static List<JsonNode> load() {
        try {
            return MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout17.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode record(String id) {
        return RECORDS.stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRecordNamingRaysTemplateIsReadWithCheckpointingOn() {
        Setup s = BudgetBench.devSetup(record("mai-llama2-7b-lora-ray-deepspeed-2xl4-bs16"));
        assertEquals(Setup.Checkpointing.FULL, s.checkpointing());
    }

    @Test
    void theTwoL4RunFitsTheCardItRanOn() {
        JsonNode r = record("mai-llama2-7b-lora-ray-deepspeed-2xl4-bs16");
        Setup s = BudgetBench.devSetup(r);
        assertTrue(Boolean.TRUE.equals(new BudgetEngine().estimate(s, BudgetBench.cardBytes(r.path("gpu").asText()))
                .fits()));
    }

    @Test
    void anotherSourcesCheckpointingOffByDefaultStaysOff() {
        // rocm-blogs' QLoRA post: "not said (TrainingArguments without gradient_checkpointing: off by default)"
        Setup s = BudgetBench.devSetup(record("rocm-blogs-llama2-qlora-mi250-llama2-7b-qlora"));
        assertEquals(Setup.Checkpointing.NONE, s.checkpointing());
    }
}
