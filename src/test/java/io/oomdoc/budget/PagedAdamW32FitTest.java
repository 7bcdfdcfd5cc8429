package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bitsandbytes' 32-bit paged AdamW (HF's optim="paged_adamw_32bit", the QLoRA recipes' default) keeps AdamW's fp32
 * moments in CUDA unified memory, which pages out to host RAM when the card is full, as the 8-bit paged one does. The
 * setup is real: ROCm/rocm-blogs at c9a603f, blogs/artificial-intelligence/llama2-Qlora/README.md, the full
 * fine-tune column: Llama-2-7B in fp32 (fp16=False, bf16=False), device_map="auto" over the two 64 GB GCDs of an
 * MI250, per_device_train_batch_size 4, TRL's 1024-token default, no checkpointing, optim paged_adamw_32bit; it ran
 * its 250 steps (measured_heldout17.json, burned: development data).
 */
class PagedAdamW32FitTest {
    private static Budget rocmBlogFullFineTune(Setup.Optimizer optimizer) {
        long gcd = GpuCatalog.find("mi250").orElseThrow().budgetBytes();
        Setup s = Setup.builder(ModelCatalog.find("llama-2-7b").orElseThrow()).precision(Setup.Precision.FP32)
                .optimizer(optimizer).checkpointing(Setup.Checkpointing.NONE).seq(1024).batch(4).gpus(2)
                .layerSplit(true).contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        return new BudgetEngine().estimate(s, gcd);
    }

    @Test
    void thePagedStatesOverTheGcdPageOutAndTheRunFits() {
        Budget paged = rocmBlogFullFineTune(Setup.Optimizer.PAGED_ADAMW);
        assertEquals(Boolean.TRUE, paged.fits());
        assertTrue(paged.assumptions().stream().anyMatch(a -> a.contains("page out")), paged.assumptions()::toString);
    }

    @Test
    void theSameRunWithTorchsAdamWDoesNotFit() {
        assertEquals(Boolean.FALSE, rocmBlogFullFineTune(Setup.Optimizer.ADAMW).fits());
    }

    @Test
    void itsStatesAreAdamWsTwoFp32MomentsEvenForBf16Parameters() {
        Setup s = Setup.builder(ModelCatalog.find("llama-2-7b").orElseThrow()).precision(Setup.Precision.BF16)
                .optimizer(Setup.Optimizer.PAGED_ADAMW).seq(0).batch(0).build();
        long params = s.model().params();
        assertEquals(8.0 * params, new BudgetEngine().estimate(s, null).perGpuBytes().optimizer(), 0.01 * params);
    }
}
