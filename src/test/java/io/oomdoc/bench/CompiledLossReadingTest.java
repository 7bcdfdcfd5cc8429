package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A model compiled whole with its loss inside forward (nanoGPT's and build-nanogpt's model(x, targets), HF's
 * model(labels=...)) has its cross-entropy compiled with it: Inductor fuses the softmax and never keeps the three
 * fp32 copies of the logits an eager upcast loss keeps: the engine's FUSED loss, the one it has for nanochat's
 * compiled loss. Record: the "scaling GPT-2" post on jjschwartz.github.io (content/blog/2025-07-13-scaling-gpt2.md),
 * GPT-2 124M on one H100 with every optimisation on (bf16, flash attention, torch.compile, fused AdamW), batch
 * 64 x 1024 at about 35 GiB (measured_heldout9.json, burned; read with the eager loss it was +86% before this rule).
 */
class CompiledLossReadingTest {
    @Test
    void aRecordCompiledWithItsLossInsideIsReadAsTheFusedLoss() throws IOException {
        Setup s = BudgetBench.devSetup(MeasuredRecords.byId("heldout9",
                "jjschwartz-gpt2-124m-full-allopts-b64-s1024-h100"));
        assertEquals(Setup.Loss.FUSED, s.loss());
    }

    @Test
    void gpt2SmallAtBatch64WithEveryOptimisationComesWithinAFifthOfItsPeak() throws IOException {
        JsonNode r = MeasuredRecords.byId("heldout9", "jjschwartz-gpt2-124m-full-allopts-b64-s1024-h100");
        double measured = r.path("measured_bytes").asDouble();
        double predicted = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes().total();
        assertEquals(measured, predicted, 0.2 * measured);
    }

    @Test
    void anEagerRunOfTheSamePostKeepsTheUpcastLoss() throws IOException {
        Setup s = BudgetBench.devSetup(MeasuredRecords.byId("heldout9",
                "jjschwartz-gpt2-124m-full-bf16-flash-b1-s1024-h100"));
        assertEquals(Setup.Loss.FP32, s.loss());
    }
}
