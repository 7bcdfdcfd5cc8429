package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sharded estimate says it took nothing as offloaded: ZeRO-Offload and FSDP's CPU offload move the states to host
 * RAM, and the worst sharded misses of the measured sets (LLaMA-Factory's, MiniCPM-V's and h2o-llmstudio's ZeRO-3
 * rows) turn on what was offloaded. The setup is the ColossalAI-Pytorch-lightning benchmark's GPT-2 XL ZeRO-3 row.
 */
class ShardedOffloadNoteTest {
    private static final String NOTE = "nothing offloaded";
    private static final Setup ZERO3 = Setup.builder(ModelCatalog.find("gpt2-xl").orElseThrow()).seq(1024).batch(40)
            .precision(Setup.Precision.MIXED_FP16).checkpointing(Setup.Checkpointing.FULL).zeroStage(3).gpus(4)
            .build();

    private static boolean says(Setup s) {
        return new BudgetEngine().estimate(s, null).assumptions().stream().anyMatch(a -> a.startsWith(NOTE));
    }

    @Test
    void aShardedRunWithoutOffloadSaysNothingWasOffloaded() {
        assertTrue(says(ZERO3));
    }

    @Test
    void anOffloadedRunDoesNotSayIt() {
        assertFalse(says(ZERO3.withOffload()));
    }

    @Test
    void oneGpuWithoutShardingDoesNotSayIt() {
        assertFalse(says(ZERO3.withZero(0).withGpus(1)));
    }
}
