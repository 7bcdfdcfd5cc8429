package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The engine on this project's own H200 measurements, tune part only (src/test/resources/budget/measured_h200.json,
 * made from measured_h200_grid.jsonl; how they were recorded: src/test/resources/h200/README.md). Each peak is
 * torch.cuda.max_memory_allocated() over two AdamW steps of a randomly initialised model built from its published
 * config (torch 2.11, transformers 5.17, peft 0.21), so the engine's allocated total (no context, no slack) is compared.
 */
class H200GridTest {
    private final BudgetEngine engine = new BudgetEngine();
    private static final ModelSpec LLAMA_1B = ModelCatalog.find("llama-3.2-1b").orElseThrow();
    private static final ModelSpec LLAMA_8B = ModelCatalog.find("llama-3.1-8b").orElseThrow();
    private static final ModelSpec QWEN_05B = ModelCatalog.find("qwen2.5-0.5b").orElseThrow();

    private static Setup train(ModelSpec m, int batch, int seq, Setup.Precision p, Setup.Attention a, int rank) {
        return Setup.builder(m).seq(seq).batch(batch).precision(p).attention(a).loraRank(rank).build();
    }

    private double error(Setup s, long measured) {
        Budget.Terms t = engine.estimate(s, null).perGpuBytes();
        return (t.total() - t.overhead() - measured) / (double) measured;
    }

    @Test
    void aMixedPrecisionFullFineTuneOfALlamaBlockKeepsTheNormsFp32TensorsAndAutocastsRecasts() {
        // h200-full-mixed-llama1b-b8-s1024: fp32 weights, bf16 autocast, SDPA, 47074125824 B (-10.7% before the rule)
        double e = error(train(LLAMA_1B, 8, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 0), 47074125824L);
        assertTrue(Math.abs(e) < 0.05, "error " + e);
    }

    @Test
    void aPureBf16FullFineTuneKeepsEachNormsFp32CopyAndNormedTensor() {
        // h200-full-bf16-llama1b-b8-s1024: bf16 weights and AdamW states, no autocast, 34472720384 B (-9.9% before)
        double e = error(train(LLAMA_1B, 8, 1024, Setup.Precision.BF16, Setup.Attention.SDPA, 0), 34472720384L);
        assertTrue(Math.abs(e) < 0.05, "error " + e);
    }

    @Test
    void fp32AdaptersOnABf16BaseKeepTheirOwnSixteenBitInputs() {
        // h200-lora-llama1b-r16-b8-s1024: PEFT r16 on all linear layers, bf16 base, autocast, 30655928320 B (-14.3%)
        double e = error(train(LLAMA_1B, 8, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 16), 30655928320L);
        assertTrue(Math.abs(e) < 0.05, "error " + e);
    }

    @Test
    void adaptersOnQueryAndValueOnlyKeepLessThanAdaptersOnEveryLinearLayer() {
        // measured at 8 x 1024: q,v r64 with dropout 0.05 peaks at 26805753856 B, all-linear r16 at 30655928320 B;
        // the frozen MLP keeps no inputs when no adapter reads them
        Setup qv = train(LLAMA_1B, 8, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 64)
                .withLoraTargets(Setup.LoraTargets.QV).withLoraDropout(true);
        Setup all = train(LLAMA_1B, 8, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 16);
        assertTrue(engine.estimate(qv, null).perGpuBytes().activations()
                < engine.estimate(all, null).perGpuBytes().activations());
    }

    @Test
    void loraDropoutAddsOneMaskBytePerAdapterInputValue() {
        // with PEFT's cast the dropped-out fp32 tensor is not saved; lora_A saves the 16-bit cast either way
        double f = LLAMA_8B.ffn() / (double) LLAMA_8B.hidden();
        double inputs = 4 + 2 + f; // q, k, v, o, gate, up (hidden wide) and down (ffn wide)
        assertEquals(inputs, BudgetEngine.adapterInputsExtra(LLAMA_8B, Setup.LoraTargets.ALL, true, true)
                - BudgetEngine.adapterInputsExtra(LLAMA_8B, Setup.LoraTargets.ALL, false, true), 1e-9);
    }

    @Test
    void eagerAttentionWithoutDropoutKeepsTheFp32SoftmaxAndItsSixteenBitCopy() {
        // h200-full-mixed-qwen0.5b-eager-b4-s1024: 29792199168 B (+15.2% before: 11 B per score counted)
        double e = error(train(QWEN_05B, 4, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.EAGER, 0), 29792199168L);
        assertTrue(Math.abs(e) < 0.05, "error " + e);
        long eager = engine.estimate(train(QWEN_05B, 4, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.EAGER, 0),
                null).perGpuBytes().activations();
        long sdpa = engine.estimate(train(QWEN_05B, 4, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 0),
                null).perGpuBytes().activations();
        assertEquals(6.0 * 4 * QWEN_05B.heads() * 1024L * 1024 * QWEN_05B.layers(), eager - sdpa, 1e6);
    }

    @Test
    void anAllLinearLoraOfLlama8bAtEightTimes2048WithoutCheckpointingDoesNotFitAnH200() {
        // h200-lora-llama8b-b8-s2048: "CUDA out of memory. Tried to allocate 7.83 GiB" with 133.67 GiB allocated
        long h200 = GpuCatalog.find("h200").orElseThrow().memoryBytes();
        Setup s = Setup.builder(LLAMA_8B).seq(2048).batch(8).loraRank(16).contextBytes(BudgetEngine.DEFAULT_CONTEXT)
                .build();
        assertEquals(Boolean.FALSE, engine.estimate(s, h200).fits());
    }
    @Test
    void gptTwoKeepsThePythonGeluIntermediatesThreeFfnWideTensorsALayer() {
        // h200-full-mixed-gpt2xl-b8-s1024: fp32 weights, bf16 autocast, SDPA, 81214332416 B; -38.6% when GPT-2's
        // NewGELUActivation was counted as a fused GELU (input only)
        ModelSpec xl = ModelCatalog.find("gpt2-xl").orElseThrow();
        assertEquals(ModelSpec.Mlp.NEW_GELU, xl.mlp());
        ModelSpec fused = new ModelSpec(xl.name(), xl.params(), xl.layers(), xl.hidden(), xl.heads(), xl.kvHeads(),
                xl.ffn(), xl.vocab(), xl.tiedEmbeddings(), 0, 0, 0, ModelSpec.Mlp.PLAIN);
        Setup s = train(xl, 8, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 0);
        long extra = engine.estimate(s, null).perGpuBytes().activations()
                - engine.estimate(train(fused, 8, 1024, Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 0), null)
                .perGpuBytes().activations();
        assertEquals(3 * 2 * 6400L * 8 * 1024 * 48, extra, 48);
        assertTrue(Math.abs(error(s, 81214332416L)) < 0.25, "error " + error(s, 81214332416L));
    }
}
