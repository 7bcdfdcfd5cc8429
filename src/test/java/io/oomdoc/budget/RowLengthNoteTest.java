package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine cannot see the data: a training length is read as every row at that length (packed, or padded to it).
 * Where the length is only a cap (max_length, cutoff_len) and rows are padded per batch, the peak follows the longest
 * rows drawn, far below (LlamaFactory issue 7282: batch 64 at cutoff_len 1024 held the same memory as batch 1), so
 * every training estimate says which reading it took.
 */
class RowLengthNoteTest {
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-3.1-8b").orElseThrow();

    @Test
    void aTrainingEstimateSaysEveryRowIsCountedAtTheLengthGiven() {
        var b = new BudgetEngine().estimate(Setup.builder(LLAMA).seq(1024).batch(4).loraRank(16).build(), null);
        assertTrue(b.assumptions().stream().anyMatch(a -> a.startsWith("every row counted at 1024 tokens")),
                b.assumptions().toString());
    }

    @Test
    void anInferenceEstimateDoesNot() {
        var b = new BudgetEngine().estimate(Setup.builder(LLAMA).seq(1024).batch(4).mode(Setup.Mode.INFER).build(),
                null);
        assertFalse(b.assumptions().stream().anyMatch(a -> a.startsWith("every row counted")));
    }
}
