package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * measured_heldout21 (scored blind in the thirty-first session, read in the thirty-second) spells its setups in the
 * words of its sources, and BudgetBench read three of those spellings as nothing: "gradient checkpointing (True)"
 * and "unsloth (gradient_checkpointing: unsloth)" as no checkpointing, a stated "cross-entropy on the answer only"
 * under Unsloth as the upcast loss, and "fsdp2 ZERO2 (fully_shard, reshard_after_forward=False)" as no sharding.
 * Its QLoRA records came out at +52% to +843% and its fit calls 7 of 14 for that reason alone. One record also left
 * out what its script does (PEFT's fp32 cast of a 4-bit model's other parameters) and was fixed against it.
 * Sources: kuotunyu/tw-med-llm-qlora reports/phase2 run manifest at 180e544 (Gemma 3 12B QLoRA on an L4,
 * peak_allocated_gib 9.33); terahidro2003/ID2223_finetuning at b0bfda1 (Unsloth QLoRA of Llama 3.2 3B on an RTX
 * 4070); daddyofadoggy/blog posts/fsdp2/blog.md at 0bef896 (FSDP2 on 4 H100s, reshard_after_forward False = ZeRO-2).
 */
class WordedSetupReadingTest {
    private static final String SET = "heldout21";
    private static final String GEMMA_L4 = "tw-med-gemma-3-12b-qlora-r16-b1-s2048-l4";
    private static final String UNSLOTH_4070 = "id2223-terahidro-llama-3.2-3b-qlora-r16-all7-b8-s2048-4070";
    private static final String MLSYS_ZERO2 = "mlsys-gpt2-medium-full-zero2-b4-s512";
    private static final String WIKISQL = "wikisql-qwen2.5-1.5b-qlora-r16-all7-b1-s512-3050laptop4g";
    private static final String FSDP2_ZERO2 = "fsdp2-blog-smollm3-3b-full-zero2-4xh100-b1-s8192";
    private static final String FSDP2_ZERO3 = "fsdp2-blog-smollm3-3b-full-zero3-4xh100-b1-s8192";

    private static JsonNode record(String id) { return MeasuredRecords.record(SET, id); }

    @Test
    void gradientCheckpointingNamedInWordsIsTransformersFullCheckpointing() {
        assertEquals(Setup.Checkpointing.FULL, BudgetBench.devSetup(record(GEMMA_L4)).checkpointing());
    }

    @Test
    void gemmaThreeTwelveBQloraOnAnL4IsWithinATenthOfItsPublishedAllocatedPeak() {
        JsonNode r = record(GEMMA_L4);
        var t = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes();
        // the source reads max_memory_allocated: the engine's total less its allocator slack, as BudgetBench compares
        double err = (double) (t.total() - t.overhead()) / r.path("measured_bytes").asLong() - 1;
        assertTrue(Math.abs(err) < 0.10, "error " + err);
    }

    @Test
    void unslothsModeNamedFirstIsItsOffloadedCheckpointing() {
        assertEquals(Setup.Checkpointing.OFFLOAD, BudgetBench.devSetup(record(UNSLOTH_4070)).checkpointing());
    }

    @Test
    void aLossThatOnlySaysWhichTokensCountIsUnslothsOwnUnderUnsloth() {
        assertEquals(Setup.Loss.FUSED_LINEAR, BudgetBench.devSetup(record(UNSLOTH_4070)).loss());
    }

    @Test
    void theSameWordsWithoutUnslothStayTheUpcastLoss() {
        // DomainAI's Qwen2 7B LoRA: "cross-entropy on the answer (prompt tokens masked with -100)", plain transformers
        assertEquals(Setup.Loss.FP32,
                BudgetBench.devSetup(record("domainai-qwen2-7b-fp16-lora-r16-all7-b8-s256")).loss());
    }

    @Test
    void fullyShardKeepingTheGatheredParametersIsStageTwo() {
        Setup s = BudgetBench.devSetup(record(FSDP2_ZERO2));
        assertEquals(2, s.zeroStage());
        assertTrue(s.fsdp());
    }

    @Test
    void fullyShardReshardingAfterForwardIsStageThree() {
        assertEquals(3, BudgetBench.devSetup(record(FSDP2_ZERO3)).zeroStage());
    }

    @Test
    void aZeroStageSpelledOutIsThatStage() {
        assertEquals(1, BudgetBench.devSetup(record("mlsys-gpt2-medium-full-zero1-b4-s512")).zeroStage());
        assertEquals(2, BudgetBench.devSetup(record(MLSYS_ZERO2)).zeroStage());
    }

    @Test
    void gpt2MediumUnderDeepSpeedsHalfModuleIsWithinATenthOfItsPublishedPeak() {
        // justin-aj/ml-sys TRAINING_RESULTS.md: ZeRO-2 on one rank, fp16, b4 x 512, 10.55 GB max_memory_allocated
        JsonNode r = record(MLSYS_ZERO2);
        var t = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes();
        double err = (double) (t.total() - t.overhead()) / r.path("measured_bytes").asLong() - 1;
        assertTrue(Math.abs(err) < 0.10, "error " + err);
    }

    @Test
    void lightningsDeepSpeedStrategyTakesItsOwnBucketDefault() {
        // rasbt/pytorch-memory-optim logs.md at 2d1ae1e (measured_heldout6): Fabric's deepspeed_stage_2, no bucket
        // stated; Lightning's DeepSpeedStrategy passes reduce_bucket_size=200_000_000 unless told otherwise
        JsonNode r;
        try {
            r = MeasuredRecords.byId("heldout6", "rasbt-memory-optim-distilbert-imdb-before-zero2");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(200_000_000L, BudgetBench.devSetup(r).reduceBucket());
    }

    @Test
    void theWikisqlRunIsReadWithTheFp32CastItsScriptMakes() {
        // chinmaynighojkar/wikisql-qlora-execution-eval scripts/phase3_train.py at 4a59c99 wraps the 4-bit model in
        // prepare_model_for_kbit_training; the record said nothing of it until the thirty-second session
        assertEquals(Setup.Kbit.PEFT_FP32, BudgetBench.devSetup(record(WIKISQL)).kbit());
    }

    @Test
    void qwenOnePointFiveBQloraOnALaptop3050IsWithinATenthOfItsPublishedAllocatedPeak() {
        JsonNode r = record(WIKISQL);
        var t = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes();
        double err = (double) (t.total() - t.overhead()) / r.path("measured_bytes").asLong() - 1;
        assertTrue(Math.abs(err) < 0.10, "error " + err);
    }

    @Test
    void theFsdp2PagesFiguresAreBelowWhatItsMlpsAloneKeepWithoutCheckpointing() {
        // gate_proj's and up_proj's outputs, the activation's output and the product into down_proj: four tensors of
        // tokens x ffn in bf16 a layer. A per-GPU total below them is not this run measured: kept, not scored.
        for (String id : new String[] {FSDP2_ZERO2, FSDP2_ZERO3}) {
            JsonNode r = record(id);
            JsonNode a = r.path("arch");
            double mlpSaved = 4.0 * r.path("seq").asLong() * a.path("ffn").asLong() * 2 * a.path("layers").asLong();
            assertTrue(mlpSaved > r.path("measured_bytes").asDouble(), id);
            assertTrue(r.path("suspect").asBoolean(), id + " is scored");
        }
    }
}
