package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A serving engine's reading is its preallocation, not the request's working set (issue 14, budget23). Records:
 * vLLM issue 550 (github.com/vllm-project/vllm/issues/550: LLaMA-13B loaded with default settings reads about 73G on
 * an A100 80GB) and pull request 2031 (github.com/vllm-project/vllm/pull/2031: Llama-2-70B over 4 A100s at
 * gpu_memory_utilization 0.9 peaks at about 77.5GB a card), measured_heldout10.json; Fengshenbang's Ziya-LLaMA-13B
 * inference table (IDEA-CCNL/Fengshenbang-LM fengshen/examples/ziya_inference/readme.md at b8a1864), whose llama.cpp
 * rows differ only in the block type and whose multi-card rows are totals, measured_heldout11.json. All burned: before
 * the reader took the engine's share the vLLM rows were -61% and -53%; the llama.cpp rows were read as NF4.
 */
class ServingEngineReadingTest {
    private final BudgetEngine engine = new BudgetEngine();

    private static double error(String set, String id) throws IOException {
        JsonNode r = MeasuredRecords.byId(set, id);
        Setup s = BudgetBench.devSetup(r);
        double predicted = new BudgetEngine().estimate(s, BudgetBench.cardBytes(r.path("gpu").asText()))
                .perGpuBytes().total();
        return (predicted - r.path("measured_bytes").asDouble()) / r.path("measured_bytes").asDouble();
    }

    @Test
    void vllmWithItsDefaultShareHoldsNinetyPercentOfTheCardWhateverTheRequest() throws IOException {
        // 13B in fp16 is 26 GB of weights; the card reads 73G because the KV pool takes the rest of 0.9 of it
        assertTrue(Math.abs(error("heldout10", "vllm-550-llama-13b-vllm-load-a100-80gb")) < 0.10);
    }

    @Test
    void vllmOverFourCardsHoldsItsShareOnEachCard() throws IOException {
        assertTrue(Math.abs(error("heldout10", "vllm-pr2031-llama-2-70b-tp4-gmu0.9-peak-a100-80gb")) < 0.10);
    }

    @Test
    void theSameModelLoadedByTransformersHoldsNoPool() throws IOException {
        Setup hf = BudgetBench.devSetup(MeasuredRecords.byId("heldout10", "vllm-550-llama-13b-hf-load-a100-80gb"));
        assertEquals(0.0, hf.gpuMemoryUtilization());
    }

    @Test
    void llamaCppRowsAreReadInTheirBlockTypeWithTheContextAllocatedAtLoad() throws IOException {
        Setup q41 = BudgetBench.devSetup(MeasuredRecords.byId("heldout11", "ziya-inference-13b-llamacpp-q4_1-1x3090"));
        assertEquals(Setup.Quant.Q4_1, q41.quant());
        assertEquals(2048, q41.contextTokens());
    }

    @Test
    void fromQ4_0ToQ5_1TheWeightsGrowAsTheTableShows() throws IOException {
        // q4_0 6.9GB, q4_1 7.7GB, q5_0 8.4GB, q5_1 9.2GB: half a bit a weight each step; the span is compared, since
        // each figure is rounded to 0.1GB
        JsonNode lo = MeasuredRecords.byId("heldout11", "ziya-inference-13b-llamacpp-q4_0-1x3090");
        JsonNode hi = MeasuredRecords.byId("heldout11", "ziya-inference-13b-llamacpp-q5_1-1x3090");
        double measured = hi.path("measured_bytes").asDouble() - lo.path("measured_bytes").asDouble();
        double predicted = engine.estimate(BudgetBench.devSetup(hi), null).perGpuBytes().weights()
                - engine.estimate(BudgetBench.devSetup(lo), null).perGpuBytes().weights();
        assertEquals(measured, predicted, 0.10 * measured);
    }
}
