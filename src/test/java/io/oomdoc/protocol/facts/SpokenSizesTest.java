package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sizes a user says about their own machine in plain words: the card's memory right after the card's name, and the
 * host RAM of the platform they run on. Each sentence is a user turn of a read conversation set; the file and its
 * source thread are named on each test.
 */
class SpokenSizesTest {
    private static Facts asserted(String turn) { return FactExtractor.read(turn).asserted(); }

    // conversations_heldout/H37-vllm-mixtral-needs-two-a100.txt, https://github.com/vllm-project/vllm/issues/3494
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aSizeRightAfterTheCardsNamePicksTheCatalogVariant() {
        Facts f = asserted("Mixtral-8x7B-v0.1 runs on one A100 inside 80G with plain transformers, but with vllm it "
                + "takes two A100s and uses 160G. is there a parameter to optimize this?");
        assertEquals("A100 80GB", f.gpuName());
        assertEquals(80 * Bytes.GIB, f.gpuMemBytes());
    }

    // conversations_heldout14/P49 (readable half),
    // https://github.com/VuBacktracking/mamba-text-classification/issues/1: the 6 GB laptop RTX 3060, not the 12 GB one
    @Test
    void theSizeTheUsersCardHasBeatsTheCatalogsSize() {
        Facts f = asserted("the further the training goes, the more GPU memory it needs. my RTX 3060 has 6 GB; "
                + "batch_size=2 ran out of memory, batch_size=1 completed.");
        assertEquals(6 * Bytes.GIB, f.gpuMemBytes());
    }

    // conversations_heldout14/P02 (readable half),
    // https://github.com/peremartra/Large-Language-Model-Notebooks-Course/issues/6
    @Test
    void whatTheUsersPlatformHasInATurnAboutRamIsTheHostRam() {
        Facts f = asserted("on Kaggle, which gives 30 GB of RAM, it worked and peaked above 17 GB. free Colab has "
                + "12.7 GB");
        assertEquals(Math.round(12.7 * Bytes.GIB), f.hostRamBytes(), 0.01 * Bytes.GIB);
    }
}
