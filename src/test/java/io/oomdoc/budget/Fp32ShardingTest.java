package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * fp32 training under ZeRO/FSDP (DeepSpeed without an fp16/bf16 section, FSDP without MixedPrecision): the fp32
 * parameters are the master weights, so there is no 16-bit copy to keep whole and no master copy to partition; the
 * optimizer's own states split from stage 1, the fp32 gradients from stage 2, the parameters at stage 3. Gradients
 * are kept (as under accumulation), so the gradient term is the whole partition.
 */
class Fp32ShardingTest {
    private static final int GPUS = 4;
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec llama3 = ModelCatalog.find("llama-3-8b").orElseThrow();

    private Budget.Terms shard(int stage, Setup.Optimizer o) {
        return engine.estimate(Setup.builder(llama3).seq(2048).precision(Setup.Precision.FP32).optimizer(o)
                .checkpointing(Setup.Checkpointing.FULL).zeroStage(stage).gpus(GPUS)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build().withGradientsKept(true), null).perGpuBytes();
    }

    @Test
    void stageTwoKeepsFp32ParametersWholeAndSplitsGradientsAndAdamMoments() {
        Budget.Terms t = shard(2, Setup.Optimizer.ADAMW);
        long p = llama3.params();
        assertEquals(4L * p, t.weights());
        assertEquals(4L * p / GPUS, t.gradients());
        assertEquals(Math.round(8.0 * p / GPUS), t.optimizer());
    }

    @Test
    void stageThreeSplitsTheFp32ParametersToo() {
        long p = llama3.params();
        assertTrue(shard(3, Setup.Optimizer.ADAMW).weights() < 4L * p / GPUS * 2, "parameters sharded");
        assertTrue(shard(3, Setup.Optimizer.ADAMW).weights() >= 4L * p / GPUS);
    }

    @Test
    void everyOptimizerKeepsItsOwnStateSize() {
        long p = llama3.params();
        assertEquals(Math.round(2.0 * p / GPUS), shard(1, Setup.Optimizer.ADAMW_8BIT).optimizer());
        assertEquals(Math.round(4.0 * p / GPUS), shard(1, Setup.Optimizer.SGD_MOMENTUM).optimizer());
        assertEquals(0, shard(1, Setup.Optimizer.SGD).optimizer());
    }
}
