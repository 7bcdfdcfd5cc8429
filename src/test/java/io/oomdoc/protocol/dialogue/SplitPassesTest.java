package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * Work done in N passes holds 1/N of what grows with the input in each pass. Real turns of conversations_heldout22
 * (burned, read by conv19a).
 */
class SplitPassesTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout22");

    /** github.com/Biohub/octopi/issues/29: validating one tomogram at a time instead of all three together. */
    @Test
    void oneAtATimeInsteadOfThreeIsAThird() {
        holdsSaying(SET, "P40-octopi-validation-spike-tomograms.txt", 4, "each one holds a third");
    }

    /** github.com/mafiosnik777/enhancr/issues/22 (DirectML 8007000E): every frame split into 4 tiles. */
    @Test
    void fourTilesHoldAQuarterEach() {
        holdsSaying(SET, "P46-enhancr-directml-8007000e.txt", 4, "each one holds a quarter");
    }
}
