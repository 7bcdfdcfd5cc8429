package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reserved minus allocated, asked about with the figures of a PyTorch message, judged against the request held.
 * The traces are the first messages of public threads (source on each test); the question quotes their figures.
 */
class ReservedGapTest {
    private static String gap(String question, String trace) {
        return ReservedGap.of(new Calculations.Ask(question, trace + "\n" + question, Facts.EMPTY));
    }

    /** github.com/singhsourabh/Resume-NER/issues/4: 50 MiB idle and 16 MiB free cannot hold a 92 MiB request. */
    @Test
    void aSmallGapBesideALargerRequestIsAFullCardNotFragmentation() {
        String s = gap("1.51 reserved vs 1.46 allocated, is that fragmentation?", "RuntimeError: CUDA out of memory."
                + " Tried to allocate 92.00 MiB (GPU 0; 1.96 GiB total capacity; 1.46 GiB already allocated; 16.38 MiB"
                + " free; 1.51 GiB reserved in total by PyTorch");
        assertTrue(s.contains("0.05 GiB (51 MiB)"), s);
        assertTrue(s.contains("not the story"), s);
    }

    /** github.com/kchengiva/Shift-GCN/issues/34: 92 MiB idle plus 183.5 MiB free cover the 236 MiB request. */
    @Test
    void aGapThatWithTheFreeMemoryCoversTheRequestIsFragmentation() {
        String s = gap("reserved 14.34 vs allocated 14.25, is that fragmentation?", "RuntimeError: CUDA out of"
                + " memory. Tried to allocate 236.00 MiB (GPU 0; 15.78 GiB total capacity; 14.25 GiB already"
                + " allocated; 183.50 MiB free; 14.34 GiB reserved in total by PyTorch)");
        assertTrue(s.startsWith("Reserved 14.34 GiB minus allocated 14.25 GiB: 0.09 GiB"), s);
        assertTrue(s.contains("expandable_segments"), s);
    }

    /** github.com/RistoranteRist/FastFlow/issues/4: 430 MiB idle alone is more than the 74 MiB request. */
    @Test
    void aGapLargerThanTheRequestIsFragmentation() {
        String s = gap("is the gap between 11.21 reserved and 10.79 allocated a problem?", "RuntimeError: CUDA out of"
                + " memory. Tried to allocate 74.00 MiB (GPU 0; 11.91 GiB total capacity; 10.79 GiB already allocated;"
                + " 12.94 MiB free; 11.21 GiB reserved in total by PyTorch)");
        assertTrue(s.contains("at least the 74.00 MiB request"), s);
    }

    @Test
    void aQuestionWithOnlyOneOfTheTwoFiguresComputesNothing() {
        assertNull(gap("why is 11.21 reserved?", ""));
    }
}
