package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeepSpeed's fp16/bf16 engine casts the module to 16 bits (DeepSpeedEngine: module.half() / module.bfloat16()) and
 * runs it without autocast, so a GPT-2 block's eager softmax returns fp16 probabilities: Korthikanti's 5·b·a·s² bytes
 * a layer for scores, probabilities and dropout, not autocast's fp32 softmax (11). FSDP's mixed precision casts the
 * gathered parameters only, and the recipe's autocast still puts softmax in fp32. The published figure this was read
 * on is in bench/WordedSetupReadingTest (ml-sys GPT-2 medium ZeRO-2, justin-aj/ml-sys TRAINING_RESULTS.md).
 */
class DeepSpeedHalfModuleTest {
    private static final int BATCH = 4;
    private static final int SEQ = 512;
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec gpt2Medium = ModelCatalog.find("gpt2-medium").orElseThrow();

    private Budget estimate(boolean fsdp) {
        Setup s = Setup.builder(gpt2Medium).seq(SEQ).batch(BATCH).precision(Setup.Precision.MIXED_FP16)
                .attention(Setup.Attention.EAGER).zeroStage(2).gpus(1).fsdp(fsdp).build();
        return engine.estimate(s, null);
    }

    @Test
    void deepSpeedKeepsSixBytesAScoreLessThanAutocastUnderFsdp() {
        double scoresPerLayer = (double) BATCH * gpt2Medium.heads() * SEQ * SEQ;
        long less = Math.round(6 * scoresPerLayer * gpt2Medium.layers());
        long fsdp = estimate(true).perGpuBytes().activations();
        long deepSpeed = estimate(false).perGpuBytes().activations();
        assertEquals(less, fsdp - deepSpeed, 1e-6 * fsdp);
    }

    @Test
    void theReportSaysTheModuleRunsWithoutAutocast() {
        assertTrue(estimate(false).assumptions().contains(AssumptionText.get("act.deepSpeedHalf")));
        assertTrue(!estimate(true).assumptions().contains(AssumptionText.get("act.deepSpeedHalf")));
    }
}
