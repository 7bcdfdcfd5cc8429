package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "How short is it?": the request minus the free memory of a real PyTorch message (source on each test). */
class ShortfallTest {
    private static final long MIB = 1L << 20, GIB = 1L << 30;

    /** github.com/CSAILVision/semantic-segmentation-pytorch/issues/151: 4.46 GiB asked, 2.41 GiB free. */
    @Test
    void aRequestAboveTheFreeMemoryIsShortByTheDifference() {
        String s = Shortfall.of("how short is it?", Map.of("tried_bytes", (long) (4.46 * GIB), "free_bytes",
                (long) (2.41 * GIB)));
        assertTrue(s.contains("short by 2.05 GiB"), s);
    }

    /** github.com/pytorch/pytorch/issues/16417: 12.50 MiB asked with 9.28 GiB free: nothing is missing. */
    @Test
    void aRequestBelowTheFreeMemoryIsNotShortAtAll() {
        String s = Shortfall.of("by how much is it short", Map.of("tried_bytes", (long) (12.5 * MIB), "free_bytes",
                (long) (9.28 * GIB)));
        assertTrue(s.contains("fragmentation"), s);
    }

    @Test
    void aQuestionThatDoesNotAskTheShortfallComputesNothing() {
        assertNull(Shortfall.of("why is it short of memory?", Map.of("tried_bytes", 1L, "free_bytes", 0L)));
    }
}
