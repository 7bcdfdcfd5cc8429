package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A need the user quotes ("takes about 33 GB", "peaked above 17 GB") is set against the memory held for it. */
class NeedVersusCardTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout14");

    /** github.com/snap-stanford/ogb/issues/53 (P25 #2): about 33 GB needed on the user's 32 GB V100. */
    @Test
    void aNeedAboveTheCardIsShortByTheDifference() {
        var v = CaseFiguresTest.turn(SET, "P25-ogb-products-full-batch-gnn-v100.txt", 2);
        assertTrue(v.output().contains("short by 1 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/peremartra/Large-Language-Model-Notebooks-Course/issues/6 (P02 #3): loading peaked above 17 GB of
     * host RAM; free Colab has 12.7 GB, so the same load cannot finish there.
     */
    @Test
    void aPeakAboveTheHostRamIsShortByTheDifference() {
        var v = CaseFiguresTest.turn(SET, "P02-llm-notebooks-course-qlora-inference-colab-ram-crash.txt", 3);
        assertTrue(v.output().contains("17 GiB needed, more than the host RAM (12.7 GiB): short by 4.3 GiB"),
                v.output());
    }
}
