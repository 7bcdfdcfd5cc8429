package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Qwen2.5-7B has 4 KV heads (its config.json, catalog/models.csv). Served tensor parallel over 8 GPUs, vLLM gives
 * each rank max(1, 4 / 8) = 1 KV head, so the cache is replicated twice over; with the layers split over the 8 GPUs
 * (device_map), each GPU holds every head of its own layers: an eighth of the cache.
 */
class LayerSplitKvTest {
    private final BudgetEngine engine = new BudgetEngine();

    private long kv(int gpus, boolean layerSplit) {
        Setup s = Setup.builder(ModelCatalog.find("qwen2.5-7b").orElseThrow()).mode(Setup.Mode.INFER)
                .precision(Setup.Precision.BF16).seq(4096).batch(1).gpus(gpus).layerSplit(layerSplit).build();
        return engine.estimate(s, null).perGpuBytes().kvCache();
    }

    @Test
    void aLayerSplitHoldsAnEighthOfTheCacheOnEachOfEightGpus() {
        assertEquals(kv(1, false) / 8.0, kv(8, true), kv(1, false) * 0.001);
    }

    @Test
    void tensorParallelReplicatesTooFewKvHeads() {
        assertEquals(kv(1, false) / 4.0, kv(8, false), kv(1, false) * 0.001);
    }
}
