package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Is the batch per GPU or the total?" is answered by the stack's convention (issue 13). */
class BatchScopeTest {
    private static final Path SET_2 = Path.of("src/test/resources/conversations_heldout2");
    private static final Path SET_29 = Path.of("src/test/resources/conversations_heldout29");

    /** conversations_heldout2 K42 (centermask2, a detectron2 project): its batch is IMS_PER_BATCH, a total. */
    @Test
    void detectronsBatchIsTheTotal() {
        var v = CaseFiguresTest.turn(SET_2, "K42-centermask2-v100-batch8.txt", 2);
        assertTrue(v.output().contains("IMS_PER_BATCH is the total over all GPUs"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** conversations_heldout29 P30 (VITEraser on two 4090s, asked in Chinese): both readings of 8 on 2 GPUs. */
    @Test
    void withTheGpusKnownBothReadingsAreWorkedOut() {
        var v = CaseFiguresTest.turn(SET_29, "P30-viteraser-2x4090-batch-8-chinese.txt", 2);
        assertTrue(v.output().contains("8 on 2 GPUs is 16 in total"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    @Test
    void aTurnWithoutTheAlternativeDoesNotAskIt() {
        assertFalse(BatchScope.asks("what batch per GPU fits on a 24 GB card?"));
        assertTrue(BatchScope.asks("May I ask whether 16 is for per-GPU or not?"));
    }

    /** Every row of dialogue/batch-scope.tsv is chosen by a stack it names. */
    @Test
    void everyConventionIsReachedByItsStack() {
        for (var row : BatchScope.rows()) {
            String stack = row.selector().stacks().isEmpty() ? null : row.selector().stacks().iterator().next();
            var ask = new Calculations.Ask("is it per GPU or the total?", "is it per GPU or the total?",
                    Facts.builder().framework(stack).build());
            String s = BatchScope.of(ask);
            assertTrue(s != null && s.startsWith(row.line()), row.name() + " -> " + s);
        }
    }
}
