package io.oomdoc.protocol;

import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The budget setup built from what the conversation or the report's text said. */
class SetupFromFactsTest {
    @Test
    void aServingEngineIsBudgetedAsInferenceWithoutGradientsOrOptimizerState() {
        // From huggingface/text-generation-inference#832: "tgi 1.0, llama2-70b on 4*80G A100".
        Facts f = FactExtractor.extract("tgi 1.0, llama2-70b on 4*80G A100. batch size=32");
        assertEquals(Setup.Mode.INFER, SetupFromFacts.from(f).orElseThrow().mode());
    }

    @Test
    void lmdeployIsAServingEngineToo() {
        // From InternLM/lmdeploy#684: "模型：llama2-70B 设备：A100/40G × 4 lmdeploy版本：0.0.10"
        Facts f = FactExtractor.extract("模型：llama2-70B\n设备：A100/40G × 4\nlmdeploy版本：0.0.10\n设置tp=4");
        assertEquals("lmdeploy", f.framework());
        assertEquals(Setup.Mode.INFER, SetupFromFacts.from(f).orElseThrow().mode());
    }

    @Test
    void aTrainingScriptIsBudgetedAsTraining() {
        Facts f = FactExtractor.extract("full finetune of llama-2-7b with the hf trainer, batch 4, seq 2048");
        assertEquals(Setup.Mode.TRAIN, SetupFromFacts.from(f).orElseThrow().mode());
    }

    // Real first turns of dev conversations 15 (Lightning-AI/litgpt#553), 46 (deepspeedai/DeepSpeed#6679) and 10
    // (deepseek-ai/DeepSeek-Coder#78).
    private static final String LITGPT = "getting OOM finetuning Llama-2-7b-hf with litgpt finetune/lora.py on my rtx "
            + "3090 24gb, micro_batch_size 1, lora_r 8";
    private static final String CHATGLM = "6b model (chatglm-6b), lora with ~0.5% of params trainable, deepspeed zero "
            + "3, fp16, micro batch 1, adam. cuda oom during back-propagation every time";
    private static final String DEEPSEEK = "full fine-tune deepseek-coder-33b-instruct on 8 x A800 80G, deepspeed "
            + "zero3, 1.2T host ram, micro batch 1. still:";

    @Test
    void aLoraRunKeepsItsRankAndTheUnsaidSettingsTakeTheirNamedDefaults() {
        Setup s = SetupFromFacts.from(FactExtractor.extract(LITGPT)).orElseThrow();
        assertEquals(8, s.loraRank());
        assertEquals(Setup.Quant.NONE, s.quant());
        assertEquals(Setup.Precision.MIXED_BF16, s.precision());
        assertEquals(Setup.Optimizer.ADAMW, s.optimizer());
        assertEquals(Setup.Checkpointing.NONE, s.checkpointing());
        assertEquals(Setup.Attention.SDPA, s.attention());
        assertEquals(Setup.Mode.TRAIN, s.mode());
        assertEquals(1, s.batch());
        assertEquals(0, s.seq(), "no sequence length said");
        assertEquals(1, s.gpus());
        assertEquals(0, s.zeroStage());
    }

    @Test
    void loraWithoutARankTakesPeftsDefaultAndFp16IsMixedPrecision() {
        Facts f = FactExtractor.extract(CHATGLM);
        Setup s = SetupFromFacts.from(f).orElseThrow();
        assertEquals(SetupFromFacts.DEFAULT_LORA_RANK, s.loraRank());
        assertEquals(Setup.Precision.MIXED_FP16, s.precision());
        assertEquals(3, s.zeroStage());
        assertEquals(Setup.Mode.TRAIN, s.mode(), "a backward phase hint is training");
    }

    @Test
    void aFullFineTuneHasNoAdapterAndSpreadsOverTheGpusSaid() {
        Setup s = SetupFromFacts.from(FactExtractor.extract(DEEPSEEK)).orElseThrow();
        assertEquals(0, s.loraRank());
        assertEquals(8, s.gpus());
        assertEquals(3, s.zeroStage());
    }

    @Test
    void eachStatedSettingReachesTheSetup() {
        Facts f = FactExtractor.extract(LITGPT).with(b -> b.precision("fp32").optimizer("sgd").checkpointing(true)
                .attention("eager").seqLen(2048).quant("8bit").lora(null).loraRank(null));
        Setup s = SetupFromFacts.from(f).orElseThrow();
        assertEquals(Setup.Precision.FP32, s.precision());
        assertEquals(Setup.Optimizer.SGD, s.optimizer());
        assertEquals(Setup.Checkpointing.FULL, s.checkpointing());
        assertEquals(Setup.Attention.EAGER, s.attention());
        assertEquals(2048, s.seq());
        assertEquals(Setup.Quant.INT8, s.quant());
        assertEquals(0, s.loraRank(), "8-bit weights alone are not LoRA");
        Setup q = SetupFromFacts.from(f.with(b -> b.quant("4bit"))).orElseThrow();
        assertEquals(Setup.Quant.NF4, q.quant());
        assertEquals(SetupFromFacts.DEFAULT_LORA_RANK, q.loraRank(), "4-bit weights train as QLoRA");
        assertEquals(Setup.Mode.INFER, SetupFromFacts.from(f.with(b -> b.phaseHint("generation"))).orElseThrow()
                .mode());
        assertEquals(Setup.Precision.MIXED_BF16, SetupFromFacts.from(f.with(b -> b.precision("bf16")))
                .orElseThrow().precision());
    }

    @Test
    void aModelKnownOnlyByItsSizeTakesTheShapeOfTheClosestCatalogModel() {
        Facts f = Facts.builder().params(6_700_000_000L).build();
        Setup s = SetupFromFacts.from(f).orElseThrow();
        assertEquals(6_700_000_000L, s.model().params());
        assertTrue(s.model().name().startsWith("6.7B-parameter model (shape of "), s.model().name());
        assertTrue(s.model().layers() > 0);
        assertTrue(SetupFromFacts.from(Facts.EMPTY).isEmpty(), "no model and no size: no budget");
    }

    @Test
    void qloraTalkThatNeverNamesCheckpointingIsBudgetedWithItOnAndFlaggedAsAssumed() {
        // PEFT's prepare_model_for_kbit_training turns gradient checkpointing on by default
        Setup s = SetupFromFacts.from(Facts.builder().model("llama-3.1-8b").qlora(true).build()).orElseThrow();
        assertEquals(Setup.Checkpointing.FULL, s.checkpointing());
        assertTrue(s.checkpointingAssumed());
    }

    @Test
    void qloraTalkThatTurnsCheckpointingOffKeepsItOff() {
        Setup s = SetupFromFacts.from(Facts.builder().model("llama-3.1-8b").qlora(true).checkpointing(false).build())
                .orElseThrow();
        assertEquals(Setup.Checkpointing.NONE, s.checkpointing());
        assertFalse(s.checkpointingAssumed());
    }

    // conversations_heldout11/L10-lit-llama-7b-full-finetune-a100-fsdp-cpu-offload.txt #1 and #3
    // (Lightning-AI/lit-llama#381): fully fine-tuning LLaMA 7B on A100s, then FSDP with cpu_offload=True
    @Test
    void fsdpWithCpuOffloadIsBudgetedAsFsdpWithTheStatesInHostRam() {
        Facts f = FactExtractor.extract("I'm fully fine-tuning LLaMA 7B on Alpaca with finetune/full.py on 8 A100s.")
                .merge(FactExtractor.extract("someone set cpu_offload=True in the FSDP strategy and it trains now."));
        Setup s = SetupFromFacts.from(f).orElseThrow();
        assertTrue(s.fsdp());
        assertEquals(3, s.zeroStage());
        assertTrue(s.offloadOptimizer());
    }

    // conversations_heldout2/K25-deepspeed-qwen3b-offload-64gb-ram-4090.txt #1 (deepspeedai/DeepSpeed#6757)
    @Test
    void zeroThreeOffloadOfTheOptimizerKeepsTheParametersOnTheGpu() {
        Setup s = SetupFromFacts.from(FactExtractor.extract("Seems not able to finetune 3B model with Zero 3 Offload "
                + "with 64GB RAM\nModel: qwen-2.5 3B\noffload mode: only offload optimizer, do not offload model"))
                .orElseThrow();
        assertTrue(s.offloadOptimizer());
        assertFalse(s.offloadParams());
        assertFalse(s.fsdp(), "DeepSpeed, not FSDP");
    }

    // An offload said of a job that only serves a model is no optimizer offload: nothing trains.
    @Test
    void anOffloadSaidOfAServedModelMovesNoOptimizerState() {
        Facts f = FactExtractor.extract("tgi 1.0, llama2-70b on 4*80G A100").with(b -> b.zeroStage(3).offload("params"));
        Setup s = SetupFromFacts.from(f).orElseThrow();
        assertFalse(s.offloadOptimizer());
        assertFalse(s.offloadParams());
    }
}
