package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A long-context full fine-tune under ZeRO-3 with both offloads, set as the Long-Context study runs it
 * (DandinPower/Long-Context-LLM-Finetuning-Study: run.sh and configs/cpu.json at cae8760, README at 1d916b5):
 * Llama-3.1-8B, batch 1 of 128,000 tokens on 4 A100s, bf16, stage3_max_live_parameters 0, FlashAttention 2, Liger's
 * patched model (AutoLigerKernelForCausalLM: RMSNorm, SwiGLU, fused linear cross-entropy) and checkpointing whose layer
 * inputs go to host RAM. The README prints 24128.66 MiB of max_memory_allocated per GPU, the same on 1, 2, 4, 7 and
 * 8 GPUs: with the parameters in host RAM a rank holds one module and one rebuilt layer, not a share of the model.
 */
class LongContextParamOffloadPeakTest {
    private static final double PUBLISHED = 24128.66 * Bytes.MIB;
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup.Builder study(int gpus) {
        return Setup.builder(ModelCatalog.find("llama-3.1-8b").orElseThrow()).seq(128_000).batch(1).gpus(gpus)
                .zeroStage(3).offloadOptimizer(true).offloadParams(true).liveParameters(0)
                .checkpointing(Setup.Checkpointing.OFFLOAD).attention(Setup.Attention.FLASH)
                .loss(Setup.Loss.FUSED_LINEAR).ligerKernels(true).contextBytes(0);
    }

    /** What max_memory_allocated reads: the total less the allocator's slack. */
    private long allocated(Setup s) {
        Budget.Terms t = engine.estimate(s, null).perGpuBytes();
        return t.total() - t.overhead();
    }

    @Test
    void thePublishedPerGpuPeakIsMetWithinAFifth() {
        assertEquals(1.0, allocated(study(4).build()) / PUBLISHED, 0.2);
    }

    @Test
    void zeroLiveParametersKeepOneModuleGatheredNotDeepSpeedsDefault() {
        long zero = engine.estimate(study(4).build(), null).perGpuBytes().weights();
        long unsaid = engine.estimate(study(4).liveParameters(Setup.LIVE_PARAMETERS_UNSET).build(), null)
                .perGpuBytes().weights();
        assertTrue(unsaid - zero > 0.5 * Bytes.GIB, zero + " vs " + unsaid);
        assertTrue(engine.estimate(study(4).build(), null).assumptions().stream()
                .anyMatch(a -> a.startsWith("stage3_max_live_parameters 0 as the run sets it")));
    }

    @Test
    void ligersKernelsKeepLessOfTheRebuiltLayer() {
        long liger = engine.estimate(study(4).build(), null).perGpuBytes().activations();
        long plain = engine.estimate(study(4).ligerKernels(false).build(), null).perGpuBytes().activations();
        // 8 B of fp32 norm copies and silu(gate), 2·14336/4096 = 7 B, per token and hidden unit of one layer
        assertEquals(15.0 * 128_000 * 4096, plain - liger, 0.05 * plain);
    }

    @Test
    void moreRanksDoNotChangeTheRanksPeak() {
        assertEquals(allocated(study(1).build()), allocated(study(8).build()), 0.02 * PUBLISHED);
    }
}
