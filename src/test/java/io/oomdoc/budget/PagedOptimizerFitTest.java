package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * bitsandbytes' paged optimizers (PagedAdamW8bit, paged_adamw_8bit) keep their states in CUDA unified memory, which
 * the driver moves to host RAM when the card runs out ("paged optimizers ... transfer memory from the GPU to the CPU
 * when GPU memory is exhausted", bitsandbytes docs, optim reference): the states over the card page out and the job
 * runs, slower. The setups are real: torchtune's llama3_1/8B_full_single_device.yaml (bd2a0fc: bf16,
 * PagedAdamW8bit, activation checkpointing, batch 2) at 4096 tokens, and axolotl's examples/llama-3/fft-8b.yaml
 * (15f7910: bf16, paged_adamw_8bit, 8192 tokens, micro-batch 1, accumulation 8, flash attention), whose README says
 * "Single GPU @ 48GB VRAM" (measured_heldout5.json, burned: development data).
 */
class PagedOptimizerFitTest {
    private final BudgetEngine engine = new BudgetEngine();
    private static final long CARD_48GB = 48_000_000_000L;

    private static Setup torchtuneFull(Setup.Optimizer optimizer) {
        return Setup.builder(ModelCatalog.find("llama-3.1-8b").orElseThrow()).precision(Setup.Precision.BF16)
                .optimizer(optimizer).checkpointing(Setup.Checkpointing.FULL).seq(4096).batch(2)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
    }

    @Test
    void pagedStatesOverTheCardPageOutAndTheJobRuns() {
        Budget unpaged = engine.estimate(torchtuneFull(Setup.Optimizer.ADAMW_8BIT), CARD_48GB);
        Budget paged = engine.estimate(torchtuneFull(Setup.Optimizer.PAGED_ADAMW_8BIT), CARD_48GB);
        assertEquals(Boolean.FALSE, unpaged.fits(), Bytes.human(unpaged.perGpuBytes().total()));
        assertEquals(Boolean.TRUE, paged.fits());
        assertTrue(paged.assumptions().stream().anyMatch(a -> a.contains("page out")), paged.assumptions()::toString);
    }

    @Test
    void pagingMovesOnlyTheOptimizerStatesNotTheHeldGradientsOrTheLogits() {
        Setup axolotl = Setup.builder(ModelCatalog.find("llama-3-8b").orElseThrow()).precision(Setup.Precision.BF16)
                .optimizer(Setup.Optimizer.PAGED_ADAMW_8BIT).checkpointing(Setup.Checkpointing.FULL)
                .attention(Setup.Attention.FLASH).seq(8192).batch(1).gradientsKept(true)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        Budget b = engine.estimate(axolotl, CARD_48GB);
        assertEquals(Boolean.FALSE, b.fits(), "the rest is over 48 GB without the states");
        assertTrue(b.perGpuBytes().total() - b.perGpuBytes().optimizer() > GpuCatalog.usableBytes(CARD_48GB));
    }
}
