package io.oomdoc.budget;

import io.oomdoc.Fixtures;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Serving as vLLM does it (issue 14, item 2), checked against vLLM's own startup lines kept as fixtures:
 * traces/vllm-10517-max-model-len-kv.txt (vllm-project/vllm#10517: Llama 3.1 8B on a 24 GB card, total_gpu_memory
 * 23.58 GiB, gpu_memory_utilization 0.90, max_model_len 29000), and two pastes of the eighth conversation set, scored
 * and read before this round (development data): conversations_heldout8/I02 (vllm-project/vllm#5993: Qwen2-72B
 * GPTQ 8-bit over --tensor-parallel-size 4) and conversations_heldout8/I03 (vllm-project/vllm#33263: Qwen3-1.7B,
 * "Available KV cache memory: 18.78 GiB", "GPU KV cache size: 175,856 tokens"). vLLM prints GiB as "GB"
 * (model_runner: `self.model_memory_usage / float(2**30)`).
 */
class BudgetVllmServingTest {
    private final BudgetEngine engine = new BudgetEngine();
    private static final String ISSUE_10517 = Fixtures.text("traces/vllm-10517-max-model-len-kv.txt");

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private static Setup serve(String model, int maxModelLen) {
        return Setup.builder(ModelCatalog.find(model).orElseThrow()).mode(Setup.Mode.INFER)
                .precision(Setup.Precision.BF16).seq(maxModelLen).batch(1).contextBytes(BudgetEngine.DEFAULT_CONTEXT)
                .build();
    }

    @Test
    void vllmGivesTheKvCacheWhatItsShareOfTheCardLeavesAndRefusesAMaxModelLenItCannotHold() {
        double measuredTokens = number(ISSUE_10517, "stored in KV cache \\((\\d+)\\)");
        Setup s = serve("llama-3.1-8b", 29000).toBuilder().gpuMemoryUtilization(0.90).build();
        Budget b = engine.estimate(s, 24L * Bytes.GIB);
        long tokens = b.perGpuBytes().kvCache() / BudgetEngine.kvBytesPerToken(s, s.model());
        assertEquals(measuredTokens, tokens, 0.10 * measuredTokens, "KV cache tokens, 23,648 printed");
        assertEquals(Boolean.FALSE, b.fits(), "29,000 tokens do not fit the KV cache vLLM can give");
        assertTrue(b.headroomBytes() < 0, "the shortfall is KV room, said as a negative headroom");
        assertEquals(Boolean.TRUE, engine.estimate(s.withSeq(16384), 24L * Bytes.GIB).fits(), "a shorter max len");
    }

    @Test
    void withoutABatchVllmsPoolIsStillBudgetedAndDecidesTheFit() {
        // a server is sized by --max-model-len and the card, not by a batch: vLLM reserves its share at startup
        double measuredTokens = number(ISSUE_10517, "stored in KV cache \\((\\d+)\\)");
        Setup s = serve("llama-3.1-8b", 29000).toBuilder().batch(0).gpuMemoryUtilization(0.90).build();
        Budget b = engine.estimate(s, 24L * Bytes.GIB);
        assertTrue(b.complete(), "no term left unknown: " + b.unknownTerms());
        long tokens = b.perGpuBytes().kvCache() / BudgetEngine.kvBytesPerToken(s, s.model());
        assertEquals(measuredTokens, tokens, 0.10 * measuredTokens, "KV cache tokens, 23,648 printed");
        assertEquals(Boolean.FALSE, b.fits(), "vLLM refused max_model_len 29000 on this card");
        assertEquals(Boolean.TRUE, engine.estimate(s.withSeq(16384), 24L * Bytes.GIB).fits(), "a shorter max len");
    }

    @Test
    void theBatchFinderServesAsManySequencesAtOnceAsVllmsKvCacheHolds() {
        // vllm#10517's card and share at max_model_len 8192: the pool's tokens / 8192 sequences at once, the rest
        // queue (profiling 8192 tokens, not 29000, leaves more than the 23,648 tokens printed there)
        Setup s = serve("llama-3.1-8b", 8192).toBuilder().gpuMemoryUtilization(0.90).build();
        Budget b = engine.estimate(s, 24L * Bytes.GIB);
        long tokens = b.perGpuBytes().kvCache() / BudgetEngine.kvBytesPerToken(s, s.model());
        BatchFinder.Result r = new BatchFinder().find(s, 24L * Bytes.GIB, 15);
        assertEquals(tokens / 8192, r.microBatch(), tokens + " tokens"); // 5, which divides 15
        assertEquals(15, r.microBatch() * r.accumulationSteps(), "15 sequences in rounds of what fits");
    }

    @Test
    void vllmsShareIsWhatTheCardHoldsWhateverTheBatch() {
        Setup s = serve("llama-3.1-8b", 8192).toBuilder().gpuMemoryUtilization(0.90).build();
        long one = engine.estimate(s, 24L * Bytes.GIB).perGpuBytes().total();
        assertEquals(one, engine.estimate(s.withBatch(64), 24L * Bytes.GIB).perGpuBytes().total());
        assertEquals(0.90 * GpuCatalog.usableBytes(24L * Bytes.GIB), one, Bytes.MIB);
    }

    @Test
    void theWeightsAreThoseVllmLoadsInBf16() {
        double measured = number(ISSUE_10517, "Loading model weights took ([0-9.]+) GB") * Bytes.GIB;
        long weights = engine.estimate(serve("llama-3.1-8b", 4096), null).perGpuBytes().weights();
        assertEquals(measured, weights, 0.02 * measured);
    }

    @Test
    void gptqEightBitWeightsSplitOverFourTensorParallelRanks() {
        String paste = Fixtures.text("conversations_heldout8/I02-vllm-qwen2-gptq-int8-four-gpus-max-model-len.txt");
        double measured = number(paste, "Loading model weights took ([0-9.]+) GB") * Bytes.GIB;
        Setup s = serve("qwen2-72b", 32768).toBuilder().precision(Setup.Precision.FP16)
                .quant(Setup.Quant.GPTQ_INT8).gpus(4).build();
        long weights = engine.estimate(s, null).perGpuBytes().weights();
        assertEquals(measured, weights, 0.03 * measured, "17.98 GiB on each rank");
    }

    @Test
    void aQuantizedModelWithoutAdaptersIsBudgetedAsInferenceEvenWhenTrainingIsAsked() {
        // `oomdoc budget --quant gptq-int8` without --mode: training is the default, but GPTQ weights hold no gradient
        String paste = Fixtures.text("conversations_heldout8/I02-vllm-qwen2-gptq-int8-four-gpus-max-model-len.txt");
        double measured = number(paste, "Loading model weights took ([0-9.]+) GB") * Bytes.GIB;
        Setup s = Setup.builder(ModelCatalog.find("qwen2-72b").orElseThrow()).seq(32768).batch(1)
                .quant(Setup.Quant.GPTQ_INT8).gpus(4).contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        Budget b = engine.estimate(s, null);
        assertEquals(0, b.trainableParams());
        assertEquals(0, b.perGpuBytes().gradients() + b.perGpuBytes().optimizer(), "no gradients, no optimizer");
        assertEquals(measured, b.perGpuBytes().weights(), 0.03 * measured, "17.98 GiB on each rank");
        assertTrue(b.perGpuBytes().kvCache() > 0, "the KV cache of 32768 tokens is counted");
    }

    @Test
    void fourBitGptqAndAwqHoldAboutAQuarterOfTheSixteenBitLinearWeights() {
        long bf16 = engine.estimate(serve("qwen2-72b", 4096), null).perGpuBytes().weights();
        for (Setup.Quant q : new Setup.Quant[]{Setup.Quant.GPTQ, Setup.Quant.AWQ}) {
            long w = engine.estimate(serve("qwen2-72b", 4096).toBuilder().quant(q).build(), null)
                    .perGpuBytes().weights();
            // 0.5 B packed + fp16 scales and packed zeros per 128 inputs; the 2.5B embedding params stay 16-bit
            assertTrue(w > 0.27 * bf16 && w < 0.30 * bf16, q + ": " + w + " of " + bf16);
        }
    }

    @Test
    void oneTokenOfQwen3KvCacheTakesWhatVllmPrintsAndFp8HalvesIt() {
        String paste = Fixtures.text("conversations_heldout8/I03-vllm-qwen3-1.7b-kv-cache-fills-24gb.txt");
        double perToken = number(paste, "Available KV cache memory: ([0-9.]+) GiB") * Bytes.GIB
                / number(paste, "GPU KV cache size: ([0-9,]+) tokens");
        Setup s = serve("qwen3-1.7b", 1024);
        assertEquals(perToken, BudgetEngine.kvBytesPerToken(s, s.model()), 0.01 * perToken, "112 KiB a token");
        assertEquals(perToken / 2, BudgetEngine.kvBytesPerToken(s.toBuilder().kvCacheBytes(1).build(), s.model()),
                0.01 * perToken);
    }

    @Test
    void tensorParallelRanksReplicateKvHeadsWhenThereAreFewerHeadsThanRanks() {
        // Llama 3.1 8B has 8 KV heads: over 16 ranks each keeps one head (vLLM: max(1, 8 // 16)), not half of one
        Setup s = serve("llama-3.1-8b", 4096);
        assertEquals(BudgetEngine.kvBytesPerToken(s.withGpus(8), s.model()),
                BudgetEngine.kvBytesPerToken(s.withGpus(16), s.model()));
    }
}
