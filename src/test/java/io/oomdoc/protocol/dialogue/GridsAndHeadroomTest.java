package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts and differences asked in threads: the positions of a grid and the entries of a matrix over their pairs, how
 * many times more pixels one resolution has than another, and the headroom a quoted need leaves on the card. Turns
 * of the burned held-out sets 25, 28 and 29 (each scored blind once, development data since).
 */
class GridsAndHeadroomTest {
    private static final Path SET29 = Path.of("src/test/resources/conversations_heldout29");

    /** github.com/simpleig/Geo-PIFu/issues/25: "if the evaluation grid is 256^3, how many query points is that?". */
    @Test
    void aCubedGridIsItsSideCubed() {
        var v = turn(SET29, "P17-geo-pifu-1080ti-test-oom.txt", 3);
        assertTrue(v.output().contains("256³ = 16,777,216 positions"), v.output());
    }

    /** github.com/microsoft/CoCosNet/issues/21: a 64x64 feature map's correspondence matrix. */
    @Test
    void aMatrixOverEveryPairIsTheCountSquared() {
        var v = turn(SET29, "P28-cocosnet-2070-super-8gb.txt", 4);
        assertTrue(v.output().contains("4,096 × 4,096 = 16,777,216 entries"), v.output());
    }

    @Test
    void aPatchSizeIsNoGrid() {
        assertNull(GridCount.of(new Calculations.Ask("with 28x28 pixels per visual token, how many tokens is 5 MP?",
                "", Facts.EMPTY)));
    }

    /** github.com/jakeret/tf_unet/issues/104: 576x576 in the paper against the user's 3400x1600. */
    @Test
    void howManyTimesMorePixelsIsTheRatioOfTheTwo() {
        var v = turn(Path.of("src/test/resources/conversations_heldout28"), "P30-tf-unet-3400x1600-titan-x.txt", 2);
        assertTrue(v.output().contains("Resolution 576×576 → 3400×1600") && v.output().contains("×16.40"),
                v.output());
    }

    /** github.com/exitudio/MMM/issues/12: "about 17 GB with batch size 128 ... how much headroom is left?" (3090). */
    @Test
    void askingWhatIsLeftMakesTheQuotedFigureANeed() {
        var v = turn(Path.of("src/test/resources/conversations_heldout25"), "P40-mmm-3090-fit-batch128.txt", 2);
        assertTrue(v.output().contains("17 GiB needed") && v.output().contains("7 GiB to spare"), v.output());
    }
}
