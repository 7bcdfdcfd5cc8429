package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A layer's activation factors for a GPT block with a 4h MLP (OPT-1.3B: hidden 2,048, ffn 8,192, from its
 * config.json), against Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models",
 * eq. 1: s·b·h·(34 + 5·a·s/h) bytes per layer at 16 bits. Autocast over fp32 master weights keeps the residual
 * stream, the layer norms' outputs and the softmax in fp32 (38 and 11), a 16-bit stream under autocast keeps only
 * the softmax in fp32 (34 and 11), and fp32 training doubles the 16-bit count (68 and 10). The factors are read
 * from the sentence the estimate says.
 */
class KorthikantiBlockTest {
    private final BudgetEngine engine = new BudgetEngine();

    private List<String> said(Setup.Builder b) { return engine.estimate(b.build(), null).assumptions(); }

    private static Setup.Builder opt(Setup.Precision p) {
        return Setup.builder(ModelCatalog.find("opt-1.3b").orElseThrow()).seq(2048).batch(1).precision(p)
                .attention(Setup.Attention.EAGER).contextBytes(BudgetEngine.DEFAULT_CONTEXT);
    }

    @Test
    void pureSixteenBitTrainingIsThePapersCount() {
        assertTrue(said(opt(Setup.Precision.FP16)).contains(AssumptionText.get("act.perLayer.eager", 34, 5)));
    }

    @Test
    void autocastOverFp32MastersKeepsTheStreamAndTheSoftmaxInFp32() {
        List<String> said = said(opt(Setup.Precision.MIXED_FP16));
        assertTrue(said.contains(AssumptionText.get("act.perLayer.eager", 38, 11)), String.join("\n", said));
    }

    @Test
    void deepSpeedsHalfModuleKeepsTheSixteenBitCountWithoutAutocast() {
        // DeepSpeed's fp16 engine converts the module to half and runs it without autocast (act.deepSpeedHalf,
        // budget34): stream and softmax are both 16-bit under ZeRO, the paper's count
        List<String> said = said(opt(Setup.Precision.MIXED_FP16).zeroStage(2).gpus(2));
        assertTrue(said.contains(AssumptionText.get("act.perLayer.eager", 34, 5)), String.join("\n", said));
    }

    @Test
    void fp32TrainingDoublesTheSixteenBitCount() {
        assertTrue(said(opt(Setup.Precision.FP32)).contains(AssumptionText.get("act.perLayer.eager", 68, 10)));
    }

    @Test
    void withoutASequenceLengthNoLayerIsCounted() {
        List<String> said = said(opt(Setup.Precision.FP16).seq(0).batch(4));
        assertTrue(said.stream().noneMatch(a -> a.startsWith("activations per layer")), String.join("\n", said));
        assertTrue(said(opt(Setup.Precision.FP16).batch(0)).stream()
                .noneMatch(a -> a.startsWith("activations per layer")));
    }
}
