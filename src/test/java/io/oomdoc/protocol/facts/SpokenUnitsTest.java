package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Sizes in the units people say ("gigs", "gigabytes") and the memory a size belongs to when the words name it
 * ("DDR4 RAM" is the host's; what an OOM happens "with" is the card's). Real turns; set, file and thread named.
 */
class SpokenUnitsTest {
    private static final long GIB = 1L << 30;

    /** conversations_heldout7/H04, https://github.com/bmaltais/kohya_ss/issues/3329 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void gigsOfRamIsHostRam() {
        assertEquals(32 * GIB, FactExtractor.extract("I'm running a 3070ti 8gb, 32gigs of ram and an AMD Ryzen 5 "
                + "7600X").hostRamBytes());
    }

    /** The same turn: a CPU's tier before its model number is no count of cards. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCpusTierIsNotACountOfCards() {
        assertNotEquals(5, FactExtractor.extract("I'm running a 3070ti 8gb, 32gigs of ram and an AMD Ryzen 5 "
                + "7600X").worldSize());
    }

    /** conversations_heldout8/I13, https://github.com/nosiu/comfyui-instantId-faceswap/issues/7 */
    @Test
    void whatAnOomHappensWithIsTheCard() {
        assertEquals(8 * GIB, FactExtractor.extract("I'm getting an oom error with 8 gigs. could the vram "
                + "requirement be reduced by making the model loading modular?").gpuMemBytes());
    }

    /** conversations_heldout5/F24, https://github.com/Sentdex/pygta5/issues/98 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void ddrMemoryIsHostRamAndTheCardKeepsItsOwnSize() {
        var f = FactExtractor.extract("PC specs: Intel core i7 7700HQ, 8 GB DDR4 RAM, GTX 1050 4GB (notebook)");
        assertEquals(8 * GIB, f.hostRamBytes());
        assertEquals(4 * GIB, f.gpuMemBytes());
    }
}
