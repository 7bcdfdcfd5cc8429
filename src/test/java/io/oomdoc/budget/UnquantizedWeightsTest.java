package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An unquantized model's weights by precision (Hugging Face's "Model training anatomy": fp32 4 B a parameter, mixed
 * precision 6 B, fp32 master plus the 16-bit copy, pure 16-bit 2 B), the adapters of a pure fp16 run (litgpt's
 * 16-true keeps them 16-bit), and an inference estimate, which has no gradient or optimizer to speak of.
 */
class UnquantizedWeightsTest {
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-2-7b").orElseThrow();
    private static final long P = LLAMA.params();
    /** "trainable params: 3,407,872" printed by PEFT for Llama-3-8B, rank 8 on q_proj and v_proj. */
    private static final long LLAMA3_QV8 = 3_407_872L;
    private final BudgetEngine engine = new BudgetEngine();

    private Budget estimate(Setup.Builder b) { return engine.estimate(b.build(), null); }

    private static Setup.Builder llama(Setup.Precision p) {
        return Setup.builder(LLAMA).seq(512).batch(1).precision(p).contextBytes(BudgetEngine.DEFAULT_CONTEXT);
    }

    @Test
    void fp32HoldsFourBytesAParameter() {
        assertEquals(4 * P, estimate(llama(Setup.Precision.FP32).mode(Setup.Mode.INFER)).perGpuBytes().weights());
        assertEquals(4 * P, estimate(llama(Setup.Precision.FP32)).perGpuBytes().weights());
    }

    @Test
    void aMixedPrecisionFullFineTuneHoldsSixBytesAndSaysWhy() {
        Budget b = estimate(llama(Setup.Precision.MIXED_BF16));
        assertEquals(6 * P, b.perGpuBytes().weights());
        assertTrue(b.assumptions().contains(AssumptionText.get("weights.mixed")), String.join("\n", b.assumptions()));
    }

    @Test
    void aPureSixteenBitFullFineTuneSaysItHasNoMasterCopy() {
        Budget b = estimate(llama(Setup.Precision.FP16));
        assertEquals(2 * P, b.perGpuBytes().weights());
        assertTrue(b.assumptions().contains(AssumptionText.get("weights.pure", "fp16")),
                String.join("\n", b.assumptions()));
    }

    @Test
    void pureFp16AdaptersTakeTwoBytesEach() {
        ModelSpec m = ModelCatalog.find("llama-3-8b").orElseThrow();
        Budget b = engine.estimate(Setup.builder(m).seq(512).batch(1).precision(Setup.Precision.FP16).loraRank(8)
                .loraTargets(Setup.LoraTargets.QV).build(), null);
        assertEquals(2L * m.params() + 2L * LLAMA3_QV8, b.perGpuBytes().weights());
    }

    @Test
    void anInferenceEstimateSaysNothingAboutGradientsOrOptimizerStates() {
        Budget b = estimate(llama(Setup.Precision.BF16).mode(Setup.Mode.INFER));
        List<String> said = b.assumptions();
        assertEquals(0, b.perGpuBytes().gradients() + b.perGpuBytes().optimizer());
        assertTrue(said.stream().noneMatch(a -> a.startsWith("gradients ")), String.join("\n", said));
    }
}
