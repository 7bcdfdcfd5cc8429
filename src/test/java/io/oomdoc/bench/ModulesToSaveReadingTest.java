package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ms-swift's examples train embed_tokens and lm_head in full beside LoRA (--modules_to_save embed_tokens lm_head):
 * examples/train/agent/loss_scale/train.sh (Qwen2.5-3B, tied, one GPU) and examples/train/new_special_tokens/train.sh
 * (Qwen2.5-7B, ZeRO-2 over 4), both at https://github.com/modelscope/ms-swift/tree/
 * 3602360a562313afbf2ef6065fdf61f271a2c5b9 (measured_heldout8.json, burned). PEFT's ModulesToSaveWrapper trains a deep
 * copy of each named module; _cast_adapter_dtype (src/peft/tuners/tuners_utils.py) upcasts only BaseTunerLayer
 * adapters to fp32, so the copies stay bf16 as loaded.
 */
class ModulesToSaveReadingTest {
    private static JsonNode record(String id) throws IOException {
        return MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout8.json")).stream()
                .filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static long states(Setup s) {
        var t = new BudgetEngine().estimate(s, null).perGpuBytes();
        return t.weights() + t.gradients() + t.optimizer();
    }

    /** Two wrappers, two bf16 copies of the tied 151936 x 2048 matrix: 2 B weight, 2 B gradient, 4 B AdamW moments. */
    @Test
    void aTiedEmbeddingAndHeadSavedInFullAddTwoBf16CopiesWithTheirStates() throws IOException {
        Setup s = BudgetBench.devSetup(record("ms-swift-qwen2.5-3b-lora-r8-embed-head-liger-2048"));
        long copies = 2L * 151936 * 2048;
        assertEquals(copies, s.savedModuleParams());
        assertEquals(8 * copies, states(s) - states(s.toBuilder().savedModuleParams(0).build()), 1e6);
    }

    /** Under DeepSpeed ZeRO-2 with bf16 the copies stay whole; gradients, fp32 master and moments split four ways. */
    @Test
    void underZero2TheCopiesStatesAreSplitAndKeepAnFp32Master() throws IOException {
        Setup s = BudgetBench.devSetup(record("ms-swift-qwen2.5-7b-lora-r16-zero2-4gpu-b16-paddingfree"));
        long copies = 2L * 152064 * 3584;
        assertEquals(copies, s.savedModuleParams());
        double expected = copies * (2 + (2 + 4 + 8) / 4.0);
        assertEquals(expected, states(s) - states(s.toBuilder().savedModuleParams(0).build()), 1e6);
    }
}
