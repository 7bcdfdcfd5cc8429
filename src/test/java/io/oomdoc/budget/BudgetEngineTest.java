package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Checks against published measurements (HF single-GPU training doc, bert-large on a V100). */
class BudgetEngineTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec bertLarge = ModelCatalog.find("bert-large").orElseThrow();

    private Setup bert(int batch, Setup.Precision p, Setup.Optimizer o, Setup.Checkpointing c) {
        // HF Trainer on bert-large for sequence classification: no language-model logits (vocab 0 here).
        ModelSpec m = new ModelSpec("bert-large", bertLarge.params(), 24, 1024, 16, 16, 4096, 0, true, 0, 0);
        // The page's runs (2022, PyTorch 1.x) zeroed gradients in place (zero_grad(set_to_none=False)): they stayed.
        return Setup.builder(m).seq(512).batch(batch).precision(p).optimizer(o).checkpointing(c)
                .attention(Setup.Attention.EAGER).contextBytes(BudgetEngine.EAGER_LOADING_CONTEXT)
                .build().withGradientsKept(true);
    }

    private static void within(double measuredMiB, long predicted, double tolerance) {
        double err = (predicted / (double) Bytes.MIB - measuredMiB) / measuredMiB;
        assertTrue(Math.abs(err) <= tolerance, String.format("predicted %.0f MiB vs measured %.0f MiB (%.1f%%)", predicted / (double) Bytes.MIB, measuredMiB, err * 100));
    }

    @Test
    void fp32AdamwBatch4MatchesTheMeasuredPeak() {
        within(14949, engine.estimate(bert(4, Setup.Precision.FP32, Setup.Optimizer.ADAMW, Setup.Checkpointing.NONE), null).perGpuBytes().total(), 0.10);
    }

    @Test
    void mixedPrecisionKeepsFp32SoftmaxSoItSavesLittleOnBert() {
        within(13939, engine.estimate(bert(4, Setup.Precision.MIXED_FP16, Setup.Optimizer.ADAMW, Setup.Checkpointing.NONE), null).perGpuBytes().total(), 0.10);
    }

    @Test
    void checkpointingAndEightBitAdamShrinkTheirTerms() {
        // the HF page measured Trainer's adamw_hf of its day, a per-parameter loop without foreach's list-wide copy
        within(6775, engine.estimate(bert(1, Setup.Precision.FP32, Setup.Optimizer.ADAMW_FUSED, Setup.Checkpointing.FULL), null).perGpuBytes().total(), 0.10);
        within(13085, engine.estimate(bert(4, Setup.Precision.FP32, Setup.Optimizer.ADAMW_8BIT, Setup.Checkpointing.NONE), null).perGpuBytes().total(), 0.10);
    }

    @Test
    void kvCacheOfLlama31EightBIs128KiBPerToken() {
        ModelSpec m = ModelCatalog.find("llama-3.1-8b").orElseThrow();
        Setup s = Setup.builder(m).seq(1024).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16).build();
        assertEquals(128L * 1024 * 1024, engine.estimate(s, null).perGpuBytes().kvCache());
    }

    @Test
    void servingOverTwoGpusSplitsTheWeightsAndTheKvCacheTensorParallel() {
        ModelSpec m = ModelCatalog.find("llama-3.1-8b").orElseThrow();
        Budget one = engine.estimate(Setup.builder(m).seq(1024).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16)
                .build(),
                null);
        Budget two = engine.estimate(Setup.builder(m).seq(1024).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16)
                .gpus(2).build(),
                null);
        assertEquals(one.perGpuBytes().weights() / 2, two.perGpuBytes().weights());
        assertEquals(64L * 1024 * 1024, two.perGpuBytes().kvCache());
    }

    private double modelStatesGiB(int stage) {
        ModelSpec m = ModelCatalog.find("t5-3b").orElseThrow();
        m = new ModelSpec("t5-3b", 2_851_000_000L, m.layers(), m.hidden(), m.heads(), m.kvHeads(), m.ffn(), m.vocab(), true, 0, 0);
        Setup s = Setup.builder(m).batch(0).precision(Setup.Precision.MIXED_FP16).zeroStage(stage).gpus(8).build();
        Budget.Terms t = engine.estimate(s, null).perGpuBytes();
        return (t.weights() + t.gradients() + t.optimizer()) / (double) Bytes.GIB;
    }

    @Test
    void optimizerOffloadLeavesOnlyTheSixteenBitWeightsOnTheGpu() {
        ModelSpec m = ModelSpec.ofParams("7B", 7_000_000_000L);
        Setup s = Setup.builder(m).batch(0).zeroStage(2).build().withOffload();
        Budget.Terms t = engine.estimate(s, null).perGpuBytes();
        assertEquals(14_000_000_000L, t.weights() + t.gradients() + t.optimizer());
    }

    @Test
    void zero3IsDeepSpeedsEstimatorWithItsLiveParametersForT5_3bOnEightGpus() {
        // the estimator's 18·P/N (5.97 GiB) and, instead of its 4·largest layer, the 1e9 live 16-bit parameters
        // (stage3_max_live_parameters) and the largest layer's 16-bit gradient
        assertEquals(5.97 + 1.86 + 0.06, modelStatesGiB(3), 0.05);
    }

    @Test
    void batchFinderFindsTheLargestMicroBatchAndKeepsTheEffectiveBatch() {
        ModelSpec m = ModelSpec.nanochat(24);
        Setup s = Setup.builder(m).seq(2048).batch(64).contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        long gpu = 24L * Bytes.GIB;
        BatchFinder.Result r = new BatchFinder().find(s, gpu, 64);
        assertTrue(r.microBatch() > 0 && r.microBatch() < 64);
        // below 64 the micro-batches accumulate, so their gradients are held through each forward
        Setup accumulating = s.withGradientsKept(true);
        assertTrue(engine.estimate(accumulating.withBatch(r.microBatch()), gpu).fits());
        assertFalse(engine.estimate(accumulating.withBatch(r.microBatch() + 1), gpu).fits()
                && 64 % (r.microBatch() + 1) == 0);
        assertEquals(64, r.effectiveBatch());
    }

    @Test
    void nanochatDepth20HasItsPublished561MParameters() {
        assertEquals(561e6, ModelSpec.nanochat(20).params(), 5e6);
    }

    @Test
    void aHuggingFaceConfigGivesTheArchitectureAndParameterCount() throws Exception {
        ModelSpec gpt2 = HfConfig.read(io.oomdoc.Fixtures.path("hf_configs/gpt2-config.json"));
        assertEquals(12, gpt2.layers());
        assertEquals(768, gpt2.hidden());
        assertEquals(124.4e6, gpt2.params(), 1.5e6, "GPT-2 small has 124M parameters (position embeddings aside)");
    }

    @Test
    void gemma2sConfigGivesItsHeadSizeAndGatedMlp() throws Exception {
        // head_dim 256 (not 3584/16) and a GeGLU MLP although intermediate_size is 4 × hidden
        ModelSpec g = HfConfig.read(io.oomdoc.Fixtures.path("hf_configs/gemma-2-9b-it-config.json"));
        assertEquals(256, g.headDim());
        assertTrue(g.gated());
        assertEquals(9.24e9, g.params(), 0.02e9, "Gemma 2 9B has 9.24B parameters");
    }

    @Test
    void aGatedMlpKeepsMoreActivationsThanAPlainOneOfTheSameWidth() {
        ModelSpec plain = ModelCatalog.find("gemma-2-9b").orElseThrow();
        plain = new ModelSpec("plain", plain.params(), plain.layers(), plain.hidden(), plain.heads(), plain.kvHeads(),
                plain.ffn(), plain.vocab(), true, 0, 0, 256, ModelSpec.Mlp.PLAIN);
        ModelSpec gated = ModelCatalog.find("gemma-2-9b").orElseThrow();
        Setup s = Setup.builder(plain).seq(512).precision(Setup.Precision.BF16).loraRank(16).build();
        long a = engine.estimate(s, null).perGpuBytes().activations();
        long b = engine.estimate(Setup.builder(gated).seq(512).precision(Setup.Precision.BF16).loraRank(16)
                .build(), null).perGpuBytes()
                .activations();
        // gate, up, activation and product (8·f bytes per token) against up, activation and dropout (3 + 4·f)
        assertTrue(b > a * 1.3, b + " vs " + a);
    }

    @Test
    void groupedQueryAttentionShrinksTheKvCacheByTheHeadRatio() {
        ModelSpec mha = ModelSpec.fromArchitecture("mha", 32, 4096, 32, 32, 14336, 128256, false, 0, 0);
        ModelSpec gqa = ModelSpec.fromArchitecture("gqa", 32, 4096, 32, 8, 14336, 128256, false, 0, 0);
        Setup s = Setup.builder(mha).seq(4096).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16).build();
        long a = engine.estimate(s, null).perGpuBytes().kvCache();
        long b = engine.estimate(Setup.builder(gqa).seq(4096).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16)
                .build(), null).perGpuBytes().kvCache();
        assertEquals(4 * b, a);
    }

    @Test
    void qloraPutsA65BModelUnder48GB() {
        ModelSpec m = ModelCatalog.find("llama-65b").orElseThrow();
        Setup s = Setup.builder(m).seq(512).precision(Setup.Precision.BF16).optimizer(Setup.Optimizer.PAGED_ADAMW_8BIT)
                .checkpointing(Setup.Checkpointing.FULL).loraRank(64).quant(Setup.Quant.NF4).build();
        long total = engine.estimate(s, null).perGpuBytes().total();
        assertTrue(total < 48L * Bytes.GIB, "QLoRA 65B needs " + Bytes.human(total) + "; the paper fits it on one 48 GB card");
        assertTrue(total > 30e9, "and not implausibly little: " + Bytes.human(total));
    }

    @Test
    void theLadderReachesAFitAndMarksScienceChanges() {
        ModelSpec m = ModelCatalog.find("llama-3.1-8b").orElseThrow();
        Setup s = Setup.builder(m).seq(4096).batch(8).attention(Setup.Attention.EAGER)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        var rungs = new Ladder().climb(s, 24L * Bytes.GIB);
        assertTrue(rungs.stream().anyMatch(Ladder.Rung::fits), rungs.toString());
        assertTrue(rungs.stream().filter(r -> r.fix().startsWith("QLoRA") || r.fix().startsWith("sequence")).allMatch(Ladder.Rung::changesScience));
        assertFalse(rungs.get(0).changesScience());
    }
}
