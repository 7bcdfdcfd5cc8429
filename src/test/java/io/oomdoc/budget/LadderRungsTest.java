package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Which rungs the fix ladder (knowledge M4) offers and what it calls them, on Llama 3.1 8B and 3.2 1B
 * (catalog/models.csv) fully fine-tuned with AdamW. Written for the mutants PIT left alive in Ladder after LadderTest.
 */
class LadderRungsTest {
    private static final long CARD = 24L * Bytes.GIB;

    private static Setup setup(Setup.Precision p, Setup.Attention a, int seq, int batch) {
        return setup("llama-3.1-8b", p, a, seq, batch);
    }

    private static Setup setup(String model, Setup.Precision p, Setup.Attention a, int seq, int batch) {
        return Setup.builder(ModelCatalog.find(model).orElseThrow()).seq(seq).batch(batch).precision(p).attention(a)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
    }

    private static List<String> fixes(Setup s, long card) {
        return new Ladder().climb(s, card).stream().map(Ladder.Rung::fix).toList();
    }

    @Test
    void eachRungNamesItsFix() {
        List<String> fixes = fixes(setup(Setup.Precision.FP32, Setup.Attention.EAGER, 4096, 8), CARD);
        // once checkpointed, one GPU holds the larger of the rebuilt layer and the logits: Llama 3's 128,256-wide
        // logits are the larger, so SDPA (which shrinks the rebuilt layer's scores) saves nothing and is not offered
        assertEquals(List.of("activation checkpointing", "8-bit AdamW", "CPU offload of the optimizer (ZeRO-Offload)",
                "sequence length 4096 → 2048", "QLoRA (4-bit base, rank-16 adapters)", "bf16 autocast"),
                fixes.subList(1, fixes.size()));
    }

    @Test
    void aBatchOfOneHasNoMicroBatchRung() {
        List<Ladder.Rung> rungs = new Ladder().climb(setup(Setup.Precision.FP32, Setup.Attention.EAGER, 4096, 1), CARD);
        assertTrue(rungs.stream().noneMatch(r -> r.kb().equals("M5")), rungs.toString());
    }

    @Test
    void aSequenceOf512IsHalvedButOneOf256IsNot() {
        assertTrue(fixes(setup(Setup.Precision.FP32, Setup.Attention.EAGER, 512, 1), CARD)
                .contains("sequence length 512 → 256"));
        assertTrue(fixes(setup(Setup.Precision.FP32, Setup.Attention.EAGER, 256, 1), CARD).stream()
                .noneMatch(f -> f.startsWith("sequence length")));
    }

    @Test
    void whenSomeSamplesFitTheMicroBatchRungKeepsTheBatchByAccumulating() {
        // Llama 3.2 1B in bf16 with SDPA on an 80 GiB card: some 1024-token samples fit at once, not 64
        Setup s = setup("llama-3.2-1b", Setup.Precision.MIXED_BF16, Setup.Attention.SDPA, 1024, 64);
        long card = 80L * Bytes.GIB;
        BatchFinder.Result found = new BatchFinder().find(s, card, 64);
        assertTrue(found.microBatch() > 0 && found.microBatch() < 64, found.toString());
        Ladder.Rung first = new Ladder().climb(s, card).get(0);
        assertEquals("micro-batch " + found.microBatch() + " × accumulation " + found.accumulationSteps(),
                first.fix());
        assertEquals(64, found.microBatch() * found.accumulationSteps());
    }
}
