package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ZeRO-3 / FSDP full shard with LoRA adapters and the optimizer offloaded (DeepSpeed offload_optimizer): the frozen
 * base is still sharded over the GPUs; offloading the optimizer moves only the adapters' states and gradients. The
 * engine once tested the offload before the sharding, leaving the base whole on every GPU (found by budget14 on
 * philschmid's FSDP + QLoRA Llama 3 70B notebook, budget/measured_heldout6.json, burned: 4 x A10G).
 */
class ShardedAdaptersWithOptimizerOffloadTest {
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup setup(boolean offloadOptimizer) {
        return Setup.builder(ModelCatalog.find("llama-3-70b").orElseThrow()).seq(1024).batch(1).gpus(4).zeroStage(3)
                .loraRank(16).quant(Setup.Quant.NF4).checkpointing(Setup.Checkpointing.FULL)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).offloadOptimizer(offloadOptimizer).build();
    }

    @Test
    void theFrozenBaseStaysShardedWhenTheOptimizerIsOffloaded() {
        long sharded = engine.estimate(setup(false), null).perGpuBytes().weights();
        long offloaded = engine.estimate(setup(true), null).perGpuBytes().weights();
        assertEquals(sharded, offloaded, "weights per GPU with and without optimizer offload");
    }

    @Test
    void offloadingTheOptimizerTakesTheAdaptersStatesAndGradientsOffTheGpu() {
        Budget b = engine.estimate(setup(true), null);
        assertEquals(0, b.perGpuBytes().optimizer() + b.perGpuBytes().gradients());
    }
}
