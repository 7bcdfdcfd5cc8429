package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sentence that opens with a temporal "when" tells what happened, and a size hyphenated to "VRAM" is the card's.
 * The turns are real users' own, from the burned conversation sets 29 and 30 (fixture, turn and thread named on each
 * test).
 */
class WhenClausesAndHyphenedSizesTest {
    private static Facts read(String turn) { return FactReader.read(turn).asserted(); }

    // conversations_heldout30/P32-mosaic-diffusion-3090-microbatch.txt #1 (mosaicml/diffusion#53)
    @Test
    void aWhenClauseWithoutAnAuxiliaryStatesTheSetup() {
        Facts f = read("When training on my local machine (3090 24Gb) with batch size 12, grad value become NaN after "
                + "few steps. But I don't meet this when training on Google Cloud A100 40Gb with bs 20. Why?");
        assertEquals(24 * Bytes.GIB, f.gpuMemBytes());
        assertEquals(12, f.batch());
    }

    // conversations_heldout29/P19-chat-univi-16gb-7b.txt #1 (PKU-YuanGroup/Chat-UniVi#37)
    @Test
    void aSizeHyphenatedToVramIsTheCard() {
        assertEquals(16 * Bytes.GIB, FactReader.read("Can 16GB-VRAM run Chat-UniVi-7B-v1.5 model?").named()
                .gpuMemBytes());
    }
}
