package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The engine on this project's fourth H200 grid, tune part only (src/test/resources/budget/measured_h200_tune4.json,
 * from measured_h200_grid4.jsonl; bench/gpu/grid4.py says what each row ran, src/test/resources/h200/README.md how).
 * Each peak is torch.cuda.max_memory_allocated() over two AdamW steps (torch 2.11, transformers 5.17, peft 0.21), so
 * the engine's allocated total (no context, no slack) is compared.
 */
class H200Grid4Test {
    private final BudgetEngine engine = new BudgetEngine();
    private static final ModelSpec QWEN3_4B = ModelCatalog.find("qwen3-4b").orElseThrow();
    private static final ModelSpec LLAMA2_7B = ModelCatalog.find("llama-2-7b").orElseThrow();

    private double error(Setup s, long measured) {
        Budget.Terms t = engine.estimate(s, null).perGpuBytes();
        return (t.total() - t.overhead() - measured) / (double) measured;
    }

    /** Pure bf16 full fine-tune of Qwen3 4B with HF's full checkpointing at 8 x 4096 (grid4 part b). */
    private static Setup qwenLong(Setup.Loss loss) {
        return Setup.builder(QWEN3_4B).seq(4096).batch(8).precision(Setup.Precision.BF16)
                .checkpointing(Setup.Checkpointing.FULL).loss(loss).build();
    }

    /** PEFT LoRA r16 on every linear layer of a bf16 Llama 2 7B under bf16 autocast (fp32 adapters). */
    private static Setup llamaLora(int batch, Setup.Checkpointing c, Setup.Loss loss) {
        return Setup.builder(LLAMA2_7B).seq(2048).batch(batch).precision(Setup.Precision.MIXED_BF16).loraRank(16)
                .checkpointing(c).loss(loss).build();
    }

    @Test
    void aCompiledLossKeepsTheSixteenBitLogitsAndWritesTheirGradientBesideThem() {
        // h200g4-t2-full-bf16-qwen3-4b-long-full-b8-s4096-fused: 50888267264 B (-21.0% with the logits counted once)
        double e = error(qwenLong(Setup.Loss.FUSED), 50888267264L);
        assertEquals(0, e, 0.04, "error " + e);
    }

    @Test
    void aMixtureOfExpertsKeepsEachTokensMlpIntermediatesInEveryExpertItIsRoutedTo() {
        // h200g4-t-full-bf16-olmoe-none-b4-s2048-hf: OLMoE 1B-7B (64 experts of 1024, 8 a token; the record's arch),
        // pure bf16, no checkpointing, 73586841600 B (-6.0% with one dense MLP of 1024 a token counted)
        ModelSpec olmoe = new ModelSpec("olmoe-1b-7b", 6919161856L, 16, 2048, 16, 16, 1024, 50304, false, 64, 8, 0,
                ModelSpec.Mlp.GATED);
        Setup s = Setup.builder(olmoe).seq(2048).batch(4).precision(Setup.Precision.BF16).build();
        double e = error(s, 73586841600L);
        assertEquals(0, e, 0.05, "error " + e);
        ModelSpec dense = new ModelSpec("dense", olmoe.params(), 16, 2048, 16, 16, 1024, 50304, false, 0, 0, 0,
                ModelSpec.Mlp.GATED);
        // the same shape read as one dense MLP of 1024 a token keeps under a third of it
        long moe = engine.estimate(s, null).perGpuBytes().activations();
        assertTrue(moe > 3 * engine.estimate(Setup.builder(dense).seq(2048).batch(4)
                .precision(Setup.Precision.BF16).build(), null).perGpuBytes().activations());
    }

    @Test
    void aRebuiltLayerWithFp32AdaptersPeaksWithItsGradientsInFlightWhenTheLossKeepsLess() {
        // h200g4-t-lora-llama2-7b-full-b8-s2048-chunked and -fused_linear: both 23403334656 B, the same peak whatever
        // the loss keeps, so it is the rebuilt layer's backward (-7.5% with the layer's saved set alone)
        double chunked = error(llamaLora(8, Setup.Checkpointing.FULL, Setup.Loss.CHUNKED), 23403334656L);
        double fusedLinear = error(llamaLora(8, Setup.Checkpointing.FULL, Setup.Loss.FUSED_LINEAR), 23403334656L);
        assertEquals(0, chunked, 0.03, "chunked " + chunked);
        assertEquals(0, fusedLinear, 0.03, "fused linear " + fusedLinear);
        // with HF's loss the logits still outweigh it: 24879785984 B measured
        double hf = error(llamaLora(8, Setup.Checkpointing.FULL, Setup.Loss.FP32), 24879785984L);
        assertEquals(0, hf, 0.03, "hf " + hf);
    }

    @Test
    void opLevelSelectiveCheckpointingKeepsTheQueryAndAttentionOutputsHeadsTimesHeadDimWide() {
        // grid4's torchtitan policy on Qwen3 4B (32 heads x 128 = 4096 against h 2560), pure bf16:
        // h200g4-t-full-bf16-qwen3-4b-selective_op-b4-s2048-hf 53595415552 B (-4.0% with both read h wide) and
        // h200g4-t2-full-bf16-qwen3-4b-long-selective_op-b4-s4096-chunked 65531065344 B (-5.4%)
        Setup hf = Setup.builder(QWEN3_4B).seq(2048).batch(4).precision(Setup.Precision.BF16)
                .checkpointing(Setup.Checkpointing.SELECTIVE_OP).build();
        double e = error(hf, 53595415552L);
        double chunked = error(hf.toBuilder().seq(4096).loss(Setup.Loss.CHUNKED).build(), 65531065344L);
        assertEquals(0, e, 0.02, "hf " + e);
        assertEquals(0, chunked, 0.02, "chunked " + chunked);
    }

    @Test
    void offloadingEverySavedTensorLeavesNoLayerOnTheCardWhileTheLossRunsBackward() {
        // h200g4-t2-lora-llama2-7b-offload_all-b4-s2048-hf_outside: 17169459200 B (+9.5% with one layer's saved set
        // and the logits summed)
        double e = error(llamaLora(4, Setup.Checkpointing.OFFLOAD_ALL, Setup.Loss.FP32), 17169459200L);
        assertEquals(0, e, 0.03, "error " + e);
    }
}
