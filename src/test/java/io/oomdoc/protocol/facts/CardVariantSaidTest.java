package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "My V100 is the 32 GB one": the card's size said after its name picks the catalog variant (issue 13). */
class CardVariantSaidTest {
    // conversations_heldout26/P23-tsd-sr-v100-batch2.txt #5
    @Test
    void theSizeOneSaysTheCardIsPicksItsVariant() {
        var f = FactReader.read("my V100 is the 32 GB one. does batch 1 fit with the separate cfg passes?").asserted();
        assertEquals("Tesla V100 32GB", f.gpuName());
        assertEquals(32L << 30, f.gpuMemBytes());
    }

    // conversations_heldout10/K21-a1111-rtx2060-cuda-oom-medvram-xformers.txt (a correction of the variant)
    @Test
    void aCorrectedVariantIsPickedToo() {
        assertEquals(12L << 30, FactReader.read("correction: my A2000 is the 12 GB version, not 6").asserted()
                .gpuMemBytes());
    }
}
