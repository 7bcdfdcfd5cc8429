package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * llm-foundry's benchmark table (https://github.com/mosaicml/llm-foundry/blob/495218376830947dce625efabc4d86be7c47cc45/
 * scripts/train/benchmarking/README.md, measured_heldout8.json, burned) does not state the loss; at that commit
 * ComposerMPTCausalLM reads loss_fn from the model yaml with 'fused_crossentropy' (flash-attn's CrossEntropyLoss over
 * the 16-bit logits) as the default, and the pretrain yamls set none. Read as an upcast loss, 12 B a logit, MPT-1B at
 * micro-batch 8 x 2048 was called OOM on the 40 GB A100 it trained on.
 */
class LlmFoundryFusedLossReadingTest {
    private static JsonNode record(String id) throws IOException {
        return MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout8.json")).stream()
                .filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anLlmFoundryRecordWithNoStatedLossIsReadWithItsFusedDefault() throws IOException {
        Setup s = BudgetBench.devSetup(record("llm-foundry-mpt-1b-a100-fsdp8-s2048-mb8"));
        assertEquals(Setup.Loss.FUSED, s.loss());
    }

    @Test
    void mpt1bAtMicroBatchEightOnA40GbA100Fits() throws IOException {
        JsonNode r = record("llm-foundry-mpt-1b-a100-fsdp8-s2048-mb8");
        Setup s = BudgetBench.devSetup(r).withContext(BudgetEngine.DEFAULT_CONTEXT);
        assertTrue(Boolean.TRUE.equals(new BudgetEngine().estimate(s, BudgetBench.cardBytes(r.path("gpu").asText()))
                .fits()));
    }

    @Test
    void anotherSourcesUnstatedLossStaysTheUpcastOne() throws IOException {
        // ms-swift's full fine-tune script states no loss either: transformers' loss, upcast
        assertEquals(Setup.Loss.FP32, BudgetBench.devSetup(record("ms-swift-qwen2.5-7b-full-1gpu")).loss());
    }
}
