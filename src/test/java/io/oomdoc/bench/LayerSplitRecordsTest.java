package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model spread over the cards with device_map (issue 14, item 3) is a naive pipeline, read from the records'
 * "layer split ... (device_map auto)". The Hugging Face 4-bit blog's LLaMA-13B LLM.int8 + GC runs
 * (github.com/huggingface/blog 4bit-transformers-bitsandbytes.md at 1b4d85d, measured_heldout6.json, burned): one T4
 * ran out of memory, two T4s with the layers split did not. DeepSeek LLM 67B's memory table
 * (github.com/deepseek-ai/DeepSeek-LLM README at 35a7d0f, measured_heldout5.json, burned): 8 x A100-40GB, device_map.
 */
class LayerSplitRecordsTest {
    private final BudgetEngine engine = new BudgetEngine();

    private static JsonNode record(String set, String id) throws IOException {
        return MeasuredRecords.byId(set, id);
    }

    @Test
    void twoT4sWithTheLayersSplitEachHoldHalfTheWeightsAndStatesOfOne() throws IOException {
        Setup one = BudgetBench.devSetup(record("heldout6", "hf-blog-4bit-bnb-llama-13b-int8-gc-s512"));
        Setup two = BudgetBench.devSetup(record("heldout6", "hf-blog-4bit-bnb-llama-13b-int8-gc-s512-2gpu"));
        assertTrue(two.layerSplit());
        var a = engine.estimate(one, null).perGpuBytes();
        var b = engine.estimate(two, null).perGpuBytes();
        assertEquals(a.weights() / 2.0, b.weights(), a.weights() * 0.01);
        assertEquals(a.optimizer() / 2.0, b.optimizer(), a.optimizer() * 0.01 + 1);
    }

    @Test
    void aLayerSplitIsNotCalledTensorParallel() throws IOException {
        Budget b = engine.estimate(BudgetBench.devSetup(record("heldout5", "deepseek-llm-readme-67b-b1-s256")), null);
        assertTrue(b.assumptions().stream().anyMatch(a -> a.startsWith("layers split over 8 GPUs")));
        assertFalse(b.assumptions().stream().anyMatch(a -> a.startsWith("tensor parallel")));
    }

    @Test
    void deepSeek67bOnEightA100sIsWithinFivePercentOfItsTable() throws IOException {
        JsonNode r = record("heldout5", "deepseek-llm-readme-67b-b1-s256");
        double predicted = engine.estimate(BudgetBench.devSetup(r), null).perGpuBytes().total();
        double measured = r.path("measured_bytes").asDouble();
        assertTrue(Math.abs(predicted - measured) / measured < 0.05, "predicted " + predicted + " of " + measured);
    }
}
