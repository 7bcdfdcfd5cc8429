package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Gemma 2's final-logit soft-capping, cap · tanh(logits / cap), computed out of place by HF's Gemma2ForCausalLM and
 * litgpt: tanh keeps its output for backward, so the loss sees one more b·s·V tensor in the logits' dtype. The setup
 * is universal-llm-trainer's Gemma-2-9B LoRA row (docs/gpu_test.md; src/test/resources/budget/measured_heldout2.json):
 * bf16 model without autocast, batch 2 × 8192 tokens, rank 8 on q/k/v, HF gradient checkpointing, a 16-bit loss.
 */
class LogitSoftcapTest {
    private static final ModelSpec GEMMA2 = ModelCatalog.find("gemma-2-9b").orElseThrow();
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup ult(ModelSpec m, Setup.Loss loss) {
        return Setup.builder(m).seq(8192).batch(2).precision(Setup.Precision.BF16)
                .checkpointing(Setup.Checkpointing.FULL).loraRank(8).contextBytes(BudgetEngine.DEFAULT_CONTEXT)
                .loraTargets(Setup.LoraTargets.ATTENTION).loss(loss).build();
    }

    private static ModelSpec withoutCap(ModelSpec m) {
        return new ModelSpec(m.name(), m.params(), m.layers(), m.hidden(), m.heads(), m.kvHeads(), m.ffn(), m.vocab(),
                m.tiedEmbeddings(), m.expertsTotal(), m.expertsActive(), m.headDimension(), m.mlp());
    }

    @Test
    void theCatalogCarriesGemma2sSoftcapAndNoneForGemma3() {
        assertEquals(30.0, GEMMA2.logitSoftcap());
        assertEquals(30.0, ModelCatalog.find("gemma-2-2b").orElseThrow().logitSoftcap());
        assertEquals(0.0, ModelCatalog.find("gemma-3-12b").orElseThrow().logitSoftcap(), "Gemma 3 sets it to null");
        assertEquals(0.0, ModelCatalog.find("llama-3.1-8b").orElseThrow().logitSoftcap());
    }

    @Test
    void softcappedLogitsKeepOneMoreSixteenBitCopyOfTheLogits() {
        long capped = engine.estimate(ult(GEMMA2, Setup.Loss.NATIVE), null).perGpuBytes().logits();
        long plain = engine.estimate(ult(withoutCap(GEMMA2), Setup.Loss.NATIVE), null).perGpuBytes().logits();
        assertEquals(2L * 8192 * 2 * 256_000, capped - plain);
    }

    @Test
    void aFusedLinearCrossEntropyNeverHoldsTheCappedLogits() {
        long capped = engine.estimate(ult(GEMMA2, Setup.Loss.FUSED_LINEAR), null).perGpuBytes().logits();
        long plain = engine.estimate(ult(withoutCap(GEMMA2), Setup.Loss.FUSED_LINEAR), null).perGpuBytes().logits();
        assertEquals(plain, capped);
    }
}
