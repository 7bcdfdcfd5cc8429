package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fix ladder (knowledge M4) on catalog models: each rung is counted from the one before, applies on top of it,
 * and the ladder names the knowledge entry and whether the science changes. Written to kill the mutants PIT found
 * alive in Ladder (bench/results.md, "Build").
 */
class LadderTest {
    private static final long CARD = 24L * Bytes.GIB;

    private static Setup setup(Setup.Precision p, Setup.Attention a, int gpus) {
        return setup(p, a, gpus, 4096);
    }

    private static Setup setup(Setup.Precision p, Setup.Attention a, int gpus, int seq) {
        return Setup.builder(ModelCatalog.find("llama-3.1-8b").orElseThrow()).seq(seq).batch(8).precision(p)
                .attention(a).gpus(gpus).contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
    }

    @Test
    void everyRungIsMeasuredFromTheOneBeforeIt() {
        Setup start = setup(Setup.Precision.FP32, Setup.Attention.EAGER, 1);
        List<Ladder.Rung> rungs = new Ladder().climb(start, CARD);
        long before = new BudgetEngine().estimate(start, CARD).perGpuBytes().total();
        assertTrue(rungs.size() >= 5, rungs.toString());
        for (int i = 0; i < rungs.size(); i++) {
            Ladder.Rung r = rungs.get(i);
            assertEquals(i + 1, r.number(), r.toString());
            assertEquals(before - r.totalAfter(), r.savedBytes(), r.toString());
            assertTrue(r.savedBytes() > 0, r.toString());
            // the verdict is on the card as PyTorch sees it, as the budget's is
            assertEquals(r.totalAfter() <= GpuCatalog.usableBytes(CARD), r.fits(), r.toString());
            before = r.totalAfter();
        }
    }

    @Test
    void theRungsComeInTheLadderOrderWithTheirEntries() {
        List<Ladder.Rung> rungs = new Ladder().climb(setup(Setup.Precision.FP32, Setup.Attention.EAGER, 1), CARD);
        List<String> kb = rungs.stream().map(Ladder.Rung::kb).toList();
        assertEquals("M5", kb.get(0), "the micro-batch comes first: " + rungs);
        // checkpointed on one GPU, the peak holds the larger of the rebuilt layer and the logits, and Llama 3's
        // logits are the larger: SDPA (the rebuilt layer's scores) saves nothing, nor does fp32 → bf16 autocast
        // while the full fine-tune's residual stream stays fp32; once QLoRA makes the stream 16-bit, autocast saves
        assertEquals(List.of("M5", "M7", "M12", "M10", "M11", "M13", "M6"), kb, rungs.toString());
        assertEquals("M6", kb.get(kb.size() - 1), "bf16 autocast comes after QLoRA: " + rungs);
        for (Ladder.Rung r : rungs) {
            boolean science = r.fix().startsWith("QLoRA") || r.fix().startsWith("sequence length");
            assertEquals(science, r.changesScience(), r.toString());
        }
        Ladder.Rung micro = rungs.get(0);
        BatchFinder.Result found = new BatchFinder().find(setup(Setup.Precision.FP32, Setup.Attention.EAGER, 1),
                CARD, 8);
        // when not even one sample fits, the rung says micro-batch 1 with all 8 accumulated (not "× 1")
        String expected = found.microBatch() > 0
                ? "micro-batch " + found.microBatch() + " × accumulation " + found.accumulationSteps()
                : "micro-batch 1 × accumulation 8";
        assertEquals(expected, micro.fix());
    }

    @Test
    void rungsThatDoNotApplyAreLeftOut() {
        List<Ladder.Rung> rungs = new Ladder().climb(setup(Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 1),
                CARD);
        assertTrue(rungs.stream().noneMatch(r -> r.kb().equals("M6")), "already bf16: " + rungs);
        assertTrue(rungs.stream().noneMatch(r -> r.fix().startsWith("SDPA")), "already SDPA: " + rungs);
        assertTrue(rungs.stream().noneMatch(r -> r.kb().equals("M9")), "one GPU has nothing to shard: " + rungs);
        List<Ladder.Rung> four = new Ladder().climb(setup(Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 4),
                CARD);
        assertTrue(four.stream().anyMatch(r -> r.fix().equals("ZeRO-3 / FSDP full shard over 4 GPUs")),
                four.toString());
        assertTrue(four.stream().anyMatch(r -> r.fix().equals("sequence length 4096 → 2048")), four.toString());
    }

    @Test
    void aRungSkippedAtItsTurnIsTakenOnceItSavesMemory() {
        // mixed bf16 at micro-batch 1 of 1024 tokens: the optimizer step (fp32 master weights, gradients, moments
        // and foreach AdamW's copy) is the peak, so checkpointing alone saves nothing; once 8-bit AdamW shrinks the
        // step, checkpointing saves the activations and must be on the ladder
        List<Ladder.Rung> rungs = new Ladder().climb(setup(Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 1,
                1024), CARD);
        List<String> fixes = rungs.stream().map(Ladder.Rung::fix).toList();
        assertTrue(fixes.indexOf("8-bit AdamW") >= 0, rungs.toString());
        assertTrue(fixes.indexOf("activation checkpointing") > fixes.indexOf("8-bit AdamW"), rungs.toString());
    }
}
