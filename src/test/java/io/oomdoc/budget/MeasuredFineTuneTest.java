package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One behaviour each, on published measured figures (sources in the comments; the records are in
 * src/test/resources/budget/measured_dev.json).
 */
class MeasuredFineTuneTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec llama3 = ModelCatalog.find("llama-3-8b").orElseThrow();

    private static Setup train(ModelSpec m, int seq, int batch, Setup.Precision p, int rank, Setup.Quant q, int zero, int gpus) {
        return new Setup(m, seq, batch, Setup.Mode.TRAIN, p, Setup.Optimizer.ADAMW, Setup.Checkpointing.NONE, Setup.Attention.SDPA,
                zero, gpus, rank, q, 0);
    }

    private static long allocated(Budget b) { return b.perGpuBytes().total() - b.perGpuBytes().overhead(); }

    @Test
    void loraOnAFrozenLlama3_8bMatchesLitgptsMeasuredPeak() {
        // litgpt config_hub/finetune/README.md: llama-3-8b/lora.yaml, bf16-true, r=32 on q,v, micro-batch 1, seq 512,
        // 1xA10G: peak 19.73 GB (torch.cuda.max_memory_allocated()/1e9).
        Setup s = train(llama3, 512, 1, Setup.Precision.BF16, 32, Setup.Quant.NONE, 0, 1).withLoraTargets(Setup.LoraTargets.QV);
        double err = (allocated(engine.estimate(s, null)) - 19.73e9) / 19.73e9;
        assertTrue(Math.abs(err) < 0.05, "error " + err);
    }

    @Test
    void pureBf16HasNoFp32MasterCopy() {
        // --precision bf16 (litgpt bf16-true, torchtune) keeps 2 B weights + 2 B grads + 4 B AdamW states; mixed-bf16 keeps 16+.
        ModelSpec m = ModelSpec.ofParams("1B", 1_000_000_000L);
        Budget.Terms pure = engine.estimate(train(m, 0, 0, Setup.Precision.BF16, 0, Setup.Quant.NONE, 0, 1), null).perGpuBytes();
        Budget.Terms mixed = engine.estimate(train(m, 0, 0, Setup.Precision.MIXED_BF16, 0, Setup.Quant.NONE, 0, 1), null).perGpuBytes();
        // 8 B of states, plus the 2 B copy of the second moments that foreach AdamW makes in its step
        assertEquals(10_000_000_000L, pure.weights() + pure.gradients() + pure.optimizer());
        assertTrue(mixed.weights() + mixed.gradients() + mixed.optimizer() >= 16_000_000_000L);
    }

    @Test
    void quantizedBaseKeepsEmbeddingsAndLmHeadInSixteenBits() {
        // HF 'Optimizing LLMs for Speed and Memory': OctoCoder (15.5B) loaded with load_in_4bit peaks at 9.54 GiB
        // (max_memory_allocated) for a short prompt; 0.57 B/param over all weights would give 8.2 GiB.
        ModelSpec octo = new ModelSpec("octocoder", 15_517_462_528L, 40, 6144, 48, 1, 24576, 49152, false, 0, 0);
        Setup s = new Setup(octo, 80, 1, Setup.Mode.INFER, Setup.Precision.BF16, Setup.Optimizer.ADAMW, Setup.Checkpointing.NONE,
                Setup.Attention.EAGER, 0, 1, 0, Setup.Quant.NF4, 0);
        double gib = allocated(engine.estimate(s, null)) / (double) Bytes.GIB;
        assertEquals(9.54, gib, 9.54 * 0.10);
    }

    @Test
    void zero3ShardsTheFrozenBaseUnderLora() {
        // Qwen README profiling: Qwen-72B LoRA + DeepSpeed ZeRO-3 on 4 A100-80G, seq 256: 215.4G summed over 4 GPUs
        // (53.9 per GPU). Without sharding the frozen base alone is 144 GB per GPU.
        ModelSpec q72 = new ModelSpec("qwen-72b", 72_287_920_128L, 80, 8192, 64, 64, 24576, 152064, false, 0, 0);
        Setup s = new Setup(q72, 256, 1, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW, Setup.Checkpointing.FULL,
                Setup.Attention.FLASH, 3, 4, 64, Setup.Quant.NONE, BudgetEngine.DEFAULT_CONTEXT);
        double gib = engine.estimate(s, null).perGpuBytes().total() / (double) Bytes.GIB;
        assertEquals(215.4 / 4, gib, 215.4 / 4 * 0.15);
    }

    @Test
    void eightBitAdamIsHonouredUnderEveryZeroStage() {
        ModelSpec m = ModelSpec.ofParams("7B", 7_000_000_000L);
        for (int stage = 0; stage <= 3; stage++) {
            Setup a = new Setup(m, 0, 0, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW, Setup.Checkpointing.NONE,
                    Setup.Attention.SDPA, stage, 8, 0, Setup.Quant.NONE, 0);
            long adam = engine.estimate(a, null).perGpuBytes().optimizer();
            long eight = engine.estimate(a.withOptimizer(Setup.Optimizer.ADAMW_8BIT), null).perGpuBytes().optimizer();
            assertTrue(eight < adam, "stage " + stage + ": 8-bit " + eight + " vs adamw " + adam);
        }
    }

    @Test
    void batchFinderKeepsTheEffectiveBatchExactly() {
        // the case: --batch 50 on a 24 GB card must not become 23 × 3 = 69
        Setup s = new Setup(ModelSpec.nanochat(20), 2048, 50, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.NONE, Setup.Attention.SDPA, 0, 1, 0, Setup.Quant.NONE, BudgetEngine.DEFAULT_CONTEXT);
        BatchFinder.Result r = new BatchFinder().find(s, 24L * Bytes.GIB, 50);
        assertTrue(r.microBatch() > 0);
        assertEquals(50, r.microBatch() * r.accumulationSteps());
        assertEquals(0, 50 % r.microBatch());
    }

    @Test
    void batchFinderLeavesTheDriversShareOfTheCard() {
        Setup s = new Setup(ModelSpec.nanochat(20), 2048, 64, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.NONE, Setup.Attention.SDPA, 0, 1, 0, Setup.Quant.NONE, BudgetEngine.DEFAULT_CONTEXT);
        BatchFinder.Result r = new BatchFinder().find(s, 24L * Bytes.GIB, 64);
        assertTrue(r.budget().perGpuBytes().total() <= BatchFinder.usableBytes(24L * Bytes.GIB));
        assertTrue(BatchFinder.usableBytes(24L * Bytes.GIB) < (long) (23.7 * Bytes.GIB));
    }

    @Test
    void theLadderNeverShowsARungThatSavesNothing() {
        for (int zero : new int[]{0, 2, 3}) {
            Setup s = new Setup(llama3, 4096, 8, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW, Setup.Checkpointing.NONE,
                    Setup.Attention.EAGER, zero, 8, 0, Setup.Quant.NONE, BudgetEngine.DEFAULT_CONTEXT);
            List<Ladder.Rung> rungs = new Ladder().climb(s, 24L * Bytes.GIB);
            assertFalse(rungs.isEmpty());
            for (Ladder.Rung r : rungs) assertTrue(r.savedBytes() > 0, "zero " + zero + ": " + r);
        }
    }
    @Test
    void generateKeepsOnlyTheLastPositionsLogits() {
        // Qwen2.5 speed benchmark (held out): Qwen2.5-7B-Instruct BF16, 30720 input + 2048 generated tokens, one A100,
        // max_memory_allocated 19.97 GiB
        ModelSpec q7 = ModelCatalog.find("qwen2.5-7b").orElseThrow();
        Setup s = new Setup(q7, 30720 + 2048, 1, Setup.Mode.INFER, Setup.Precision.BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.NONE, Setup.Attention.FLASH, 0, 1, 0, Setup.Quant.NONE, 0);
        Budget b = engine.estimate(s, null);
        assertEquals(4L * q7.vocab(), b.perGpuBytes().logits());
        assertEquals(19.97, allocated(b) / (double) Bytes.GIB, 19.97 * 0.05);
    }

    @Test
    void qloraCheckpointsItsSixteenBitResidualStream() {
        // LLaMA-Factory wiki: Llama-2-7B QLoRA, FlashAttention-2, batch 1, 32768 tokens, gradient checkpointing: 32 GB
        ModelSpec l2 = ModelCatalog.find("llama-2-7b").orElseThrow();
        Setup s = new Setup(l2, 32768, 1, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.FULL, Setup.Attention.FLASH, 0, 1, 8, Setup.Quant.NF4, BudgetEngine.DEFAULT_CONTEXT);
        assertEquals(32.0, engine.estimate(s, null).perGpuBytes().total() / (double) Bytes.GIB, 32.0 * 0.10);
    }
    @Test
    void theLossDecidesWhatTheLogitsCost() {
        // Llama-3-8B, 8192 tokens: b·s·V = 8192 × 128,256 logits
        Setup s = train(llama3, 8192, 1, Setup.Precision.BF16, 16, Setup.Quant.NONE, 0, 1);
        long elements = 8192L * 128256;
        assertEquals(elements * 10, engine.estimate(s, null).perGpuBytes().logits()); // HF upcast: 2 + 4 + 4 B
        assertEquals(elements * 4, engine.estimate(s.withLoss(Setup.Loss.NATIVE), null).perGpuBytes().logits());
        // Liger: ceil(V/h) = 32, chunks of next_pow2(8192 / 32) = 256 tokens of fp32 logits
        assertEquals(256L * 128256 * 4, engine.estimate(s.withLoss(Setup.Loss.FUSED_LINEAR), null).perGpuBytes().logits());
        // under autocast the cross-entropy runs in fp32 whatever the model code does
        Setup mixed = s.withPrecision(Setup.Precision.MIXED_BF16);
        assertEquals(engine.estimate(mixed, null).perGpuBytes().logits(),
                engine.estimate(mixed.withLoss(Setup.Loss.NATIVE), null).perGpuBytes().logits());
    }
    @Test
    void offloadedCheckpointingKeepsTwoLayerInputsOnTheGpu() {
        // Llama-3-8B QLoRA, 32k tokens: full checkpointing keeps 32 layer inputs, offloading keeps 2 of them
        Setup full = train(llama3, 32768, 1, Setup.Precision.MIXED_BF16, 16, Setup.Quant.NF4, 0, 1)
                .withCheckpointing(Setup.Checkpointing.FULL);
        long kept = engine.estimate(full, null).perGpuBytes().activations();
        long offloaded = engine.estimate(full.withCheckpointing(Setup.Checkpointing.OFFLOAD), null).perGpuBytes()
                .activations();
        long layerInput = 32768L * 4096 * 2;
        assertEquals(30 * layerInput, kept - offloaded);
    }
}
