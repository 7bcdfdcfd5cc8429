package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sentences an estimate says about what it took, one rule a test: which of --seq and --batch is still missing,
 * how the loss holds the logits (transformers' upcast cross-entropy by default; Gemma 2's final_logit_softcapping
 * 30.0 from its config.json keeps a tanh copy), a sharded run's per-rank reading, an assumed optimizer, and LoRA on a
 * model of unknown shape. The sentences are the resource file's own (budget/assumptions.properties).
 */
class BudgetNotesTest {
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup.Builder model(String name) {
        return Setup.builder(ModelCatalog.find(name).orElseThrow()).seq(1024).batch(1)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT);
    }

    private List<String> said(Setup.Builder b) { return engine.estimate(b.build(), null).assumptions(); }

    @Test
    void withOnlyTheBatchGivenOnlyTheSequenceLengthIsAskedFor() {
        List<String> said = said(model("llama-3.1-8b").seq(0).batch(4));
        assertTrue(said.contains(AssumptionText.get("act.uncounted.seq")), String.join("\n", said));
    }

    @Test
    void withNeitherGivenBothAreAskedFor() {
        List<String> said = said(model("llama-3.1-8b").seq(0).batch(0));
        assertTrue(said.contains(AssumptionText.get("act.uncounted.tokens")), String.join("\n", said));
    }

    @Test
    void anUnstatedLossIsSaidToBeTheUpcastCrossEntropy() {
        List<String> said = said(model("llama-3.1-8b").lossAssumed(true));
        assertTrue(said.contains(AssumptionText.get("logits.lossAssumed")), String.join("\n", said));
        assertFalse(said(model("llama-3.1-8b")).contains(AssumptionText.get("logits.lossAssumed")));
    }

    @Test
    void aNativeLossUnderAutocastIsSaidToRunInFp32() {
        List<String> said = said(model("llama-3.1-8b").precision(Setup.Precision.MIXED_BF16)
                .loss(Setup.Loss.NATIVE));
        assertTrue(said.contains(AssumptionText.get("logits.autocast")), String.join("\n", said));
        assertTrue(said(model("llama-3.1-8b").precision(Setup.Precision.BF16).loss(Setup.Loss.NATIVE))
                .contains(AssumptionText.get("logits.native")));
    }

    @Test
    void gemmaTwosSoftCappingIsSaidUnlessTheLossIsFused() {
        assertTrue(said(model("gemma-2-9b")).contains(AssumptionText.get("logits.softcap")));
        assertFalse(said(model("gemma-2-9b").loss(Setup.Loss.FUSED_LINEAR))
                .contains(AssumptionText.get("logits.softcap")));
        assertFalse(said(model("gemma-2-9b").loss(Setup.Loss.FUSED)).contains(AssumptionText.get("logits.softcap")));
        assertFalse(said(model("llama-3.1-8b")).contains(AssumptionText.get("logits.softcap")), "no cap set");
    }

    @Test
    void aShardedRunSaysItsFigureIsOneRanksAndThatNothingIsOffloaded() {
        List<String> said = said(model("llama-2-7b").zeroStage(2).gpus(4));
        assertTrue(said.contains(AssumptionText.get("overhead.perRank", 4, 4)), String.join("\n", said));
        assertTrue(said.contains(AssumptionText.get("states.nothingOffloaded")), String.join("\n", said));
    }

    @Test
    void anFsdpRunWithoutAStageIsShardedToo() {
        assertTrue(said(model("llama-2-7b").fsdp(true).gpus(2)).contains(AssumptionText.get("overhead.perRank", 2,
                2)));
    }

    @Test
    void anOffloadedShardedRunDoesNotSayNothingIsOffloaded() {
        List<String> said = said(model("llama-2-7b").zeroStage(2).gpus(4).offloadOptimizer(true));
        assertTrue(said.contains(AssumptionText.get("overhead.perRank", 4, 4)), String.join("\n", said));
        assertFalse(said.contains(AssumptionText.get("states.nothingOffloaded")), String.join("\n", said));
    }

    @Test
    void oneGpuOrPlainDataParallelHasNoPerRankNote() {
        assertFalse(said(model("llama-2-7b").zeroStage(2).gpus(1)).contains(AssumptionText.get("overhead.perRank",
                1, 1)));
        assertTrue(said(model("llama-2-7b").gpus(2)).stream().noneMatch(a -> a.startsWith("per GPU is one rank")));
    }

    @Test
    void anAssumedOptimizerIsSaidWhenSomethingTrains() {
        assertTrue(said(model("llama-2-7b").optimizerAssumed(true))
                .contains(AssumptionText.get("states.optimizerAssumed")));
        assertFalse(said(model("llama-2-7b").optimizerAssumed(true).mode(Setup.Mode.INFER))
                .contains(AssumptionText.get("states.optimizerAssumed")));
    }

    @Test
    void loraOnAModelOfUnknownShapeGuessesHalfAPercentAndSaysSo() {
        Budget b = engine.estimate(Setup.builder(ModelSpec.ofParams("7B params", 7_000_000_000L)).loraRank(8)
                .build(), null);
        assertEquals(35_000_000L, b.trainableParams());
        assertTrue(b.assumptions().contains(AssumptionText.get("lora.guessed")), String.join("\n", b.assumptions()));
    }
}
