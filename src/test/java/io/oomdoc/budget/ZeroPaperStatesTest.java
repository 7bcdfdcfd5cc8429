package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sharded full fine-tunes against the ZeRO paper's model-state counts (Rajbhandari et al., "ZeRO: Memory
 * Optimizations Toward Training Trillion Parameter Models", SC'20, section 5.1 and Figure 1: mixed-precision Adam
 * keeps 2Ψ of 16-bit parameters, 2Ψ of 16-bit gradients and KΨ of fp32 states, K = 12; P_os gives 4Ψ + KΨ/N_d,
 * P_os+g 2Ψ + (2 + K)Ψ/N_d, 120 GB -> 31.4 GB -> 16.6 GB for Ψ = 7.5B on 64 GPUs), FSDP's mixed precision, which
 * steps its fp32 shard in place (torch's MixedPrecisionPolicy docs), and fp32 ZeRO, where the parameters are the
 * master copy. Llama-2-7B at 2,048 tokens: its activations are far above the rank's step copy, so the optimizer
 * term is the states alone.
 */
class ZeroPaperStatesTest {
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-2-7b").orElseThrow();
    private static final long P = LLAMA.params();
    private static final int N = 64;
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup.Builder sharded(int stage, int gpus) {
        return Setup.builder(LLAMA).seq(2048).batch(1).precision(Setup.Precision.MIXED_FP16).zeroStage(stage)
                .gpus(gpus).contextBytes(BudgetEngine.DEFAULT_CONTEXT);
    }

    private Budget estimate(Setup.Builder b) { return engine.estimate(b.build(), null); }

    @Test
    void stageOneKeepsSixteenBitParametersAndGradientsWholeAndSplitsTheTwelveBytesOfAdam() {
        Budget b = estimate(sharded(1, N));
        assertEquals(2 * P, b.perGpuBytes().weights());
        assertEquals(2 * P, b.perGpuBytes().gradients());
        assertEquals(Math.round(12.0 * P / N), b.perGpuBytes().optimizer());
        assertTrue(b.assumptions().contains(AssumptionText.get("states.zero.1", N, 12.0)),
                String.join("\n", b.assumptions()));
    }

    @Test
    void stageTwoSplitsTheSixteenBitGradientsToo() {
        Budget b = estimate(sharded(2, N));
        assertEquals(2 * P, b.perGpuBytes().weights());
        assertEquals(2 * P / N, b.perGpuBytes().gradients());
        assertEquals(Math.round(12.0 * P / N), b.perGpuBytes().optimizer());
        assertTrue(b.assumptions().contains(AssumptionText.get("states.zero.2", N, 14.0)),
                String.join("\n", b.assumptions()));
    }

    @Test
    void stageThreeSaysDeepSpeedsEighteenBytesAParameterOverTheRanks() {
        Budget b = estimate(sharded(3, N));
        assertEquals(4 * P / N, b.perGpuBytes().gradients());
        assertTrue(b.assumptions().contains(AssumptionText.get("states.zero.3", N, 18.0)),
                String.join("\n", b.assumptions()));
    }

    @Test
    void anOptimizerOtherThanAdamSplitsTheMasterCopyAndItsOwnStates() {
        // SGD with momentum keeps one fp32 buffer a parameter: K = 4 (master) + 4
        Budget sgd = estimate(sharded(1, N).optimizer(Setup.Optimizer.SGD_MOMENTUM));
        assertEquals(Math.round(8.0 * P / N), sgd.perGpuBytes().optimizer());
        assertTrue(sgd.assumptions().contains(AssumptionText.get("states.zero.1", N, 8.0)));
        // 8-bit AdamW: K = 4 + 2
        assertEquals(Math.round(6.0 * P / N), estimate(sharded(1, N).optimizer(Setup.Optimizer.ADAMW_8BIT))
                .perGpuBytes().optimizer());
    }

    @Test
    void fsdpsMixedPrecisionStepsTheFp32ShardWithNoSeparateMaster() {
        int gpus = 8;
        Budget b = estimate(sharded(3, gpus).fsdp(true));
        assertEquals(4 * P / gpus + 4 * BudgetEngine.largestLayer(LLAMA, P), b.perGpuBytes().weights());
        assertEquals(4 * P / gpus, b.perGpuBytes().gradients());
        assertEquals(Math.round(8.0 * P / gpus), b.perGpuBytes().optimizer());
        assertTrue(b.assumptions().contains(AssumptionText.get("states.fsdpMixed", gpus, 16.0)),
                String.join("\n", b.assumptions()));
    }

    @Test
    void fp32StageThreeSplitsTheParametersAndGathersTheLargestLayerInFp32() {
        int gpus = 4;
        Budget b = estimate(sharded(3, gpus).precision(Setup.Precision.FP32).gradientsKept(true));
        assertEquals(4 * P / gpus + 8 * BudgetEngine.largestLayer(LLAMA, P), b.perGpuBytes().weights());
        assertEquals(4 * P / gpus, b.perGpuBytes().gradients());
        List<String> said = b.assumptions();
        assertTrue(said.contains(AssumptionText.get("states.fp32Zero.3", gpus, gpus)), String.join("\n", said));
    }

    @Test
    void fp32StageOneKeepsTheGradientsWhole() {
        Budget b = estimate(sharded(1, 4).precision(Setup.Precision.FP32).gradientsKept(true));
        assertEquals(4 * P, b.perGpuBytes().weights());
        assertEquals(4 * P, b.perGpuBytes().gradients());
    }

    @Test
    void theUnitAStageThreeRankGathersIsTheLargerOfTheEmbeddingAndAnMlpMatrix() {
        // Llama-2-7B: the embedding, 32,000 x 4,096, is larger than one MLP matrix, 4,096 x 11,008
        assertEquals(32_000L * 4_096, BudgetEngine.largestLayer(LLAMA, P));
        // Llama-3-8B: 128,256 x 4,096 against 4,096 x 14,336
        ModelSpec llama3 = ModelCatalog.find("llama-3-8b").orElseThrow();
        assertEquals(128_256L * 4_096, BudgetEngine.largestLayer(llama3, llama3.params()));
        // a bare parameter count: a fiftieth of the model
        assertEquals(140_000_000L, BudgetEngine.largestLayer(ModelSpec.ofParams("7B", 7_000_000_000L),
                7_000_000_000L));
    }
}
