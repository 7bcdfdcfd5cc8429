package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the optimizer step adds and where the gradients live, decided per engine (unit checks of the two rules
 * optimizerStepPeak composes). The step's copy: torch.optim.AdamW's foreach step "uses ~ sizeof(params) more peak
 * memory than the for-loop version" (PyTorch optimizer docs), none for a fused step or under ZeRO-Offload, and
 * DeepSpeed's ZeRO-1/2 upcast of the rank's 16-bit gradient partition to fp32 (stage_1_and_2.py). The gradients'
 * room: on one GPU, or under FSDP over a pure 16-bit module, a gradient is allocated when backward writes it and
 * set_to_none frees it after the step; DDP's buckets and DeepSpeed's partitions are allocated up front.
 */
class OptimizerStepRoomTest {
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-2-7b").orElseThrow();
    private static final long P = LLAMA.params();

    private static Setup.Builder run(Setup.Precision p) {
        return Setup.builder(LLAMA).seq(512).batch(1).precision(p);
    }

    @Test
    void foreachAdamWCopiesEveryMomentOnceInTheGradientsDtype() {
        assertEquals(4 * P, BudgetEngine.adamStepTransient(run(Setup.Precision.MIXED_BF16).build(), P, false, 1));
        assertEquals(2 * P, BudgetEngine.adamStepTransient(run(Setup.Precision.BF16).build(), P, true, 1));
    }

    @Test
    void aFusedStepOrAnOffloadedOptimizerCopiesNothingOnTheCard() {
        assertEquals(0, BudgetEngine.adamStepTransient(run(Setup.Precision.MIXED_BF16)
                .optimizer(Setup.Optimizer.ADAMW_FUSED).build(), P, false, 1));
        assertEquals(0, BudgetEngine.adamStepTransient(run(Setup.Precision.MIXED_BF16).zeroStage(2).gpus(2)
                .offloadOptimizer(true).build(), P, false, 2));
    }

    @Test
    void zeroOneAndTwoUpcastTheRanksGradientPartitionToFp32() {
        assertEquals(4 * P / 4, BudgetEngine.adamStepTransient(run(Setup.Precision.MIXED_BF16).zeroStage(2).gpus(4)
                .build(), P, false, 4));
        assertEquals(4 * P / 4, BudgetEngine.adamStepTransient(run(Setup.Precision.MIXED_BF16).zeroStage(1).gpus(4)
                .build(), P, false, 4));
    }

    @Test
    void zeroThreeAndFp32GradientsNeedNoUpcast() {
        assertEquals(0, BudgetEngine.adamStepTransient(run(Setup.Precision.MIXED_BF16).zeroStage(3).gpus(4).build(),
                P, false, 4));
        assertEquals(0, BudgetEngine.adamStepTransient(run(Setup.Precision.FP32).zeroStage(2).gpus(4).build(),
                P, false, 4));
    }

    @Test
    void fsdpOverAPureModuleStepsItsOwnShardWithForeachAdamW() {
        assertEquals(P / 4 * 2, BudgetEngine.adamStepTransient(run(Setup.Precision.BF16).fsdp(true).zeroStage(3)
                .gpus(4).build(), P, true, 4));
    }

    @Test
    void onOneGpuTheGradientsTakeTheRoomBackwardFreesFromTheActivations() {
        assertTrue(BudgetEngine.gradientsShareActivationRoom(run(Setup.Precision.MIXED_BF16).build()));
    }

    @Test
    void ddpsBucketsAreAllocatedUpFrontSoTheyShareNoRoom() {
        assertFalse(BudgetEngine.gradientsShareActivationRoom(run(Setup.Precision.MIXED_BF16).gpus(2).build()));
    }

    @Test
    void fsdpOverAPure16BitModuleAllocatesEachShardedGradientInBackward() {
        assertTrue(BudgetEngine.gradientsShareActivationRoom(run(Setup.Precision.BF16).fsdp(true).zeroStage(1)
                .gpus(2).build()));
        assertTrue(BudgetEngine.gradientsShareActivationRoom(run(Setup.Precision.FP16).fsdp(true).zeroStage(3)
                .gpus(2).build()));
    }

    @Test
    void deepSpeedsMixedPrecisionPartitionsStayAllocated() {
        assertFalse(BudgetEngine.gradientsShareActivationRoom(run(Setup.Precision.MIXED_BF16).zeroStage(2).gpus(2)
                .build()));
    }

    @Test
    void keptGradientsOrAnOffloadedOptimizerShareNoRoom() {
        assertFalse(BudgetEngine.gradientsShareActivationRoom(run(Setup.Precision.MIXED_BF16).gradientsKept(true)
                .build()));
        assertFalse(BudgetEngine.gradientsShareActivationRoom(run(Setup.Precision.MIXED_BF16).offloadOptimizer(true)
                .build()));
    }
}
