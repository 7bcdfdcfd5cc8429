package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * "Is accumulation the same as a real batch?": the equivalence is answered, with where it breaks (BatchNorm's
 * statistics, in-batch negatives), not only what the bigger batch would cost (glossary term "accumulation versus a
 * real batch").
 */
class AccumulationEquivalenceTest {
    private static final Path SET31 = Path.of("src/test/resources/conversations_heldout31");
    private static final Path SET35 = Path.of("src/test/resources/conversations_heldout35");

    /** github.com/yawen-shao/GREAT_code/issues/1: "is accumulation the same as a real batch of 16?". */
    @Test
    void accumulationIsTheSameGradientExceptAcrossTheBatch() {
        holdsSaying(SET31, "P30-great-affordance-on-one-3090.txt", 5,
                "BatchNorm computes its statistics per micro-batch");
    }

    /** github.com/s-sahoo/duo/issues/17: "does accumulating two batches of 16 give the same result as a real one?". */
    @Test
    void theSameResultAsARealBatchIsTheSameQuestion() {
        holdsSaying(SET35, "P22-duo-owt-batch-32-on-eight-h100s.txt", 4, "the optimizer step is the same");
    }
}
