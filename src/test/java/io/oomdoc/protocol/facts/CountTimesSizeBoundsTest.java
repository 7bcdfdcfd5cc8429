package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Where "N x SIZE" stops being a count of cards and one card's memory (Quantities' COUNT_TIMES_SIZE): two cards or
 * more, each of 4 GiB to 300 GiB; and spoken units of host RAM. The sentences follow the forms of real turns
 * (conv13a's census: "3x24 GB", "8 * 80 GB", conversations_heldout7/H44); the figures sit on the rule's bounds.
 */
class CountTimesSizeBoundsTest {
    private static final long GIB = 1L << 30;

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void twoTimesACardsMemoryIsTwoCards() {
        var f = FactExtractor.extract("training on 2x 24GB cards, OOM at the first step");
        assertEquals(2, f.worldSize());
        assertEquals(24 * GIB, f.gpuMemBytes());
    }

    @Test
    void fourGibibytesIsTheSmallestCardACountMultiplies() {
        assertEquals(2, FactExtractor.extract("training on 2x 4GiB cards, OOM at the first step").worldSize());
        assertNotEquals(2, FactExtractor.extract("training on 2x 3GiB cards, OOM at the first step").worldSize());
    }

    @Test
    void threeHundredGibibytesIsTheLargestCardACountMultiplies() {
        var f = FactExtractor.extract("training on 2x 300GiB, OOM at the first step");
        assertEquals(2, f.worldSize());
        assertEquals(300 * GIB, f.gpuMemBytes());
    }

    @Test
    void terabytesAndMegabytesOfRamAreHostRam() {
        assertEquals(2048 * GIB, FactExtractor.extract("the node has 2 terabytes of ram and 8 A100s").hostRamBytes());
        assertEquals(16 * GIB, FactExtractor.extract("the box has 16384 megabytes of ram").hostRamBytes());
    }
}
