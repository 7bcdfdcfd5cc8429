package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setups are built field by field and changed one field at a time, never losing the others. */
class SetupBuilderTest {
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-3.1-8b").orElseThrow();

    private static Setup lora() {
        return Setup.builder(LLAMA).seq(2048).batch(4).loraRank(16).loraDropout(true).loss(Setup.Loss.FUSED_LINEAR)
                .loraTargets(Setup.LoraTargets.ATTENTION).gradientsKept(true).build();
    }

    @Test
    void whatIsNotSetIsTheCommonCase() {
        Setup s = Setup.builder(LLAMA).seq(1024).build();
        assertEquals(1, s.batch());
        assertEquals(1, s.gpus());
        assertEquals(Setup.Precision.MIXED_BF16, s.precision());
        assertEquals(Setup.Optimizer.ADAMW, s.optimizer());
        assertEquals(Setup.Loss.FP32, s.loss());
    }

    @Test
    void changingTheZeroStageKeepsTheAdaptersDropout() {
        Setup s = lora().withZero(3);
        assertEquals(3, s.zeroStage());
        assertTrue(s.loraDropout(), "withZero used to rebuild the setup without its LoRA dropout");
    }

    @Test
    void everyFieldSurvivesARoundTripThroughTheBuilder() {
        Setup s = lora().withOffload().withContext(512L << 20).withKbit(Setup.Kbit.PEFT_FP32);
        assertEquals(s, s.toBuilder().build());
    }

    @Test
    void newAdaptersOnARebuiltSetupKeepTheUsersLossAndTargets() {
        Setup rung = lora().toBuilder().loraRank(16).quant(Setup.Quant.NF4).build();
        assertEquals(Setup.Loss.FUSED_LINEAR, rung.loss());
        assertEquals(Setup.LoraTargets.ATTENTION, rung.loraTargets());
    }
}
