package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The model-state terms as the whole estimate composes them, one switch a test: FSDP's single offload switch (torch's
 * CPUOffload(offload_params=True) docs: "gradients are offloaded to CPU as well" and the optimizer steps there), a
 * quantized base without adapters (bitsandbytes' Params4bit holds no gradient), the adapters' own bytes beside the
 * frozen base (PEFT keeps them fp32 under autocast), DeepSpeed's stated reduce_bucket_size (stage_1_and_2.py) and
 * PEFT's modules_to_save. Trainable counts are PEFT's printed ones (LoraParamsTest); model shapes are the catalog's
 * rows from each model's config.json.
 */
class BudgetStatesTest {
    /** "trainable params: 3,407,872" printed by PEFT for Llama-3-8B, rank 8 on q_proj and v_proj. */
    private static final long LLAMA3_QV8 = 3_407_872L;
    /** LLaMA-2-7B's embed_tokens and lm_head, 32,000 x 4,096 each (its config.json): modules_to_save's usual pair. */
    private static final long EMBED_AND_HEAD = 2L * 32_000 * 4_096;
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup.Builder model(String name) {
        return Setup.builder(ModelCatalog.find(name).orElseThrow()).seq(512).batch(1)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT);
    }

    private Budget.Terms terms(Setup.Builder b) { return engine.estimate(b.build(), null).perGpuBytes(); }

    @Test
    void fsdpsParameterOffloadAloneIsBudgetedAsTheOptimizerOffloadToo() {
        Setup.Builder params = model("llama-7b").fsdp(true).zeroStage(3).gpus(8).offloadParams(true);
        Budget b = engine.estimate(params.build(), null);
        assertEquals(terms(model("llama-7b").fsdp(true).zeroStage(3).gpus(8).offloadParams(true)
                .offloadOptimizer(true)), b.perGpuBytes());
        assertEquals(0, b.perGpuBytes().optimizer());
        assertTrue(b.assumptions().contains(AssumptionText.get("states.fsdpOffloadStates")),
                String.join("\n", b.assumptions()));
    }

    @Test
    void fsdpsOptimizerOffloadAloneIsBudgetedAsTheParameterOffloadToo() {
        Setup.Builder optimizer = model("llama-7b").fsdp(true).zeroStage(3).gpus(8).offloadOptimizer(true);
        Budget b = engine.estimate(optimizer.build(), null);
        assertEquals(terms(model("llama-7b").fsdp(true).zeroStage(3).gpus(8).offloadParams(true)
                .offloadOptimizer(true)), b.perGpuBytes());
        assertTrue(b.assumptions().contains(AssumptionText.get("states.fsdpOffloadParams")),
                String.join("\n", b.assumptions()));
    }

    @Test
    void underFsdpsParameterOffloadOnlyTheGatheredUnitsGradientsAreOnTheGpu() {
        // LLaMA-7B (its config.json): 32 layers, 32000 x 4096 embedding and head; one layer is (P - 2 x 32000 x 4096)
        // / 32 parameters; the running layer's 16-bit gradient and the head's wait for their reduce-scatter
        ModelSpec m = ModelCatalog.find("llama-7b").orElseThrow();
        long head = 32_000L * 4_096;
        long layer = (m.params() - 2 * head) / 32;
        Budget.Terms t = terms(model("llama-7b").fsdp(true).zeroStage(3).gpus(8).offloadParams(true));
        assertEquals(2 * (layer + head), t.gradients());
        assertEquals(2 * (2 * layer + 2 * head), t.weights());
    }

    @Test
    void aFourBitBaseWithoutAdaptersIsBudgetedAsServedNotTrained() {
        Budget b = engine.estimate(model("llama-3-8b").quant(Setup.Quant.NF4).build(), null);
        assertEquals(0, b.trainableParams());
        assertEquals(0, b.perGpuBytes().gradients() + b.perGpuBytes().optimizer());
        assertTrue(b.assumptions().contains(AssumptionText.get("serve.quantizedBase", "nf4")),
                String.join("\n", b.assumptions()));
    }

    @Test
    void underAutocastTheAdaptersAddFourBytesEachToTheSixteenBitBase() {
        ModelSpec m = ModelCatalog.find("llama-3-8b").orElseThrow();
        Budget.Terms t = terms(model("llama-3-8b").precision(Setup.Precision.MIXED_BF16).loraRank(8)
                .loraTargets(Setup.LoraTargets.QV));
        assertEquals(2L * m.params() + 4L * LLAMA3_QV8, t.weights());
    }

    @Test
    void pureBf16AdaptersTakeTwoBytesEach() {
        ModelSpec m = ModelCatalog.find("llama-3-8b").orElseThrow();
        Budget.Terms t = terms(model("llama-3-8b").precision(Setup.Precision.BF16).loraRank(8)
                .loraTargets(Setup.LoraTargets.QV));
        assertEquals(2L * m.params() + 2L * LLAMA3_QV8, t.weights());
    }

    @Test
    void aStatedReduceBucketJoinsTheGradientsOfADeepSpeedRun() {
        // ZeRO-2, bucket 5e8 elements of 16 bits, overlap_comm off: one 1 GB bucket
        Setup.Builder zero2 = model("llama-2-7b").zeroStage(2).gpus(2).overlapComm(false);
        long stated = terms(zero2.reduceBucket(500_000_000L)).gradients();
        long unstated = terms(model("llama-2-7b").zeroStage(2).gpus(2).overlapComm(false)).gradients();
        assertEquals(1_000_000_000L, stated - unstated);
    }

    @Test
    void fsdpHasNoDeepSpeedBucketsWhateverTheBucketSizeSays() {
        Setup.Builder fsdp = model("llama-2-7b").fsdp(true).zeroStage(2).gpus(2).gradientsKept(true);
        long stated = terms(fsdp.reduceBucket(500_000_000L)).gradients();
        assertEquals(terms(model("llama-2-7b").fsdp(true).zeroStage(2).gpus(2).gradientsKept(true)).gradients(),
                stated);
    }

    @Test
    void modulesToSaveAddATrainedSixteenBitCopyWithItsGradientsAndAdamMoments() {
        Setup.Builder lora = model("llama-2-7b").loraRank(8).gradientsKept(true);
        Budget.Terms plain = terms(lora);
        Budget with = engine.estimate(model("llama-2-7b").loraRank(8).gradientsKept(true)
                .savedModuleParams(EMBED_AND_HEAD).build(), null);
        Budget.Terms t = with.perGpuBytes();
        // loaded in 16 bits: the copy 2 B, its gradient 2 B, torch AdamW's moments zeros_like it, 2 x 2 B
        assertEquals(2 * EMBED_AND_HEAD, t.weights() - plain.weights());
        assertEquals(2 * EMBED_AND_HEAD, t.gradients() - plain.gradients());
        assertEquals(4 * EMBED_AND_HEAD, t.optimizer() - plain.optimizer());
        assertTrue(with.assumptions().stream().anyMatch(a -> a.startsWith("modules trained in full")
                && a.contains(Bytes.human(8 * EMBED_AND_HEAD))), String.join("\n", with.assumptions()));
    }

    @Test
    void underZeroTwoTheSavedModulesKeepAnFp32MasterAndSplitTheirStatesAndGradients() {
        Setup.Builder zero2 = model("llama-2-7b").loraRank(8).zeroStage(2).gpus(2).gradientsKept(true);
        Budget.Terms plain = terms(zero2);
        Budget.Terms t = terms(model("llama-2-7b").loraRank(8).zeroStage(2).gpus(2).gradientsKept(true)
                .savedModuleParams(EMBED_AND_HEAD));
        // DeepSpeed's bf16 optimizer: fp32 master and fp32 moments, 4 + 8 B, split over the two ranks from stage 1
        assertEquals(2 * EMBED_AND_HEAD, t.weights() - plain.weights());
        assertEquals(EMBED_AND_HEAD, t.gradients() - plain.gradients());
        assertEquals(6 * EMBED_AND_HEAD, t.optimizer() - plain.optimizer());
    }
}
