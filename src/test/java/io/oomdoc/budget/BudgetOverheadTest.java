package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The overhead on top of the live terms, by who allocates the memory: PyTorch's caching allocator (the CUDA context,
 * 426 MiB measured on PyTorch 2.10 / CUDA 13.0 in unslothai/unsloth-zoo#1053, plus the allocator's slack), vLLM's
 * share allocated once (the context is inside it, no slack: vllm-project/vllm#10517's startup lines) and llama.cpp's
 * buffers sized once by ggml (ollama/ollama#8164's "compute buffer size" and "KV self size" lines). One behaviour a
 * test; the live terms are summed from the budget's own figures.
 */
class BudgetOverheadTest {
    private static final long H100 = 80L * Bytes.GIB;
    private final BudgetEngine engine = new BudgetEngine();

    /** A LoRA run of Llama 3.1 8B at rank 8, the setup of PEFT's own example (2,048 tokens, micro-batch 1). */
    private static Setup.Builder lora() {
        return Setup.builder(ModelCatalog.find("llama-3.1-8b").orElseThrow()).precision(Setup.Precision.BF16)
                .loraRank(8).seq(2048).batch(1).contextBytes(BudgetEngine.DEFAULT_CONTEXT);
    }

    private static long live(Budget.Terms t) {
        return t.weights() + t.gradients() + t.optimizer() + t.activations() + t.logits() + t.kvCache();
    }

    @Test
    void aPyTorchRunAddsTheContextAndTheAllocatorsSlackOnWhatIsLive() {
        Budget.Terms t = engine.estimate(lora().build(), H100).perGpuBytes();
        assertEquals(BudgetEngine.DEFAULT_CONTEXT + Math.round(live(t) * BudgetEngine.ALLOCATOR_SLACK), t.overhead());
        assertEquals(live(t) + t.overhead(), t.total());
    }

    @Test
    void aContextMeasuredAtZeroIsTakenAsZeroNotAsTheDefault() {
        // a figure read from torch.cuda.max_memory_allocated has no context in it: the setup says 0 bytes
        Budget.Terms t = engine.estimate(lora().contextBytes(0).build(), H100).perGpuBytes();
        assertEquals(Math.round(live(t) * BudgetEngine.ALLOCATOR_SLACK), t.overhead());
    }

    @Test
    void thePyTorchReadingsSentenceNamesWhatIsAllocatedAndWhatIsReserved() {
        Budget b = engine.estimate(lora().build(), H100);
        long live = live(b.perGpuBytes());
        String readings = AssumptionText.get("overhead.readings", Bytes.human(live),
                Bytes.human(live + Math.round(live * BudgetEngine.ALLOCATOR_SLACK)));
        assertTrue(b.assumptions().contains(readings), String.join("\n", b.assumptions()));
        assertTrue(b.assumptions().contains(AssumptionText.get("overhead.context",
                Bytes.human(BudgetEngine.DEFAULT_CONTEXT), 8)), String.join("\n", b.assumptions()));
    }

    @Test
    void vllmsShareHoldsTheContextWithoutSlackAndGivesNoPyTorchReadings() {
        // vllm-project/vllm#10517: Llama 3.1 8B, gpu_memory_utilization 0.90 on a 24 GB card
        Setup s = Setup.builder(ModelCatalog.find("llama-3.1-8b").orElseThrow()).mode(Setup.Mode.INFER)
                .precision(Setup.Precision.BF16).seq(16384).batch(1).gpuMemoryUtilization(0.90)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        Budget b = engine.estimate(s, 24L * Bytes.GIB);
        assertEquals(BudgetEngine.DEFAULT_CONTEXT, b.perGpuBytes().overhead());
        assertTrue(b.assumptions().contains(AssumptionText.get("overhead.vllm",
                Bytes.human(BudgetEngine.DEFAULT_CONTEXT))), String.join("\n", b.assumptions()));
        assertTrue(b.assumptions().stream().noneMatch(a -> a.startsWith("which reading")),
                String.join("\n", b.assumptions()));
    }

    @Test
    void llamaCppsBuffersHoldTheContextWithoutSlackAndGiveNoPyTorchReadings() {
        // ollama/ollama#8164: Llama 3.2 3B served by llama.cpp with n_ctx 8192
        Setup s = Setup.builder(ModelCatalog.find("llama-3.2-3b").orElseThrow()).mode(Setup.Mode.INFER)
                .precision(Setup.Precision.FP16).batch(0).contextTokens(8192)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        Budget b = engine.estimate(s, 16L * Bytes.GIB);
        assertEquals(BudgetEngine.DEFAULT_CONTEXT, b.perGpuBytes().overhead());
        assertTrue(b.assumptions().contains(AssumptionText.get("overhead.ggml",
                Bytes.human(BudgetEngine.DEFAULT_CONTEXT))), String.join("\n", b.assumptions()));
        assertTrue(b.assumptions().stream().noneMatch(a -> a.startsWith("which reading")),
                String.join("\n", b.assumptions()));
    }
}
