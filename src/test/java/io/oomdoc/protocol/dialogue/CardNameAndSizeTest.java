package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A card's name is said with a memory only when the two agree: "so would an 80 GB card run it?" after an A100 40GB
 * is a card of 80 GB, not "the A100 40GB has 80 GiB". Burned set 25 (scored blind once, development data since).
 */
class CardNameAndSizeTest {
    /** github.com/amir-aghdam/3D-UNet/issues/2: an A100 40GB held, then "would an 80 GB card run the original?". */
    @Test
    void aSizeAskedAboutIsNotGivenTheHeldCardsName() {
        var v = turn(Path.of("src/test/resources/conversations_heldout25"), "P16-3d-unet-243-gib-request.txt", 4);
        assertFalse(v.output().contains("A100 40GB has 80"), v.output());
    }

    @Test
    void aNameAgreesWithItsSizeInGbOrGib() {
        assertTrue(FitLevers.nameFits("A100 80GB", 80L << 30));
        assertTrue(FitLevers.nameFits("A100 80GB", 80_000_000_000L));
        assertTrue(FitLevers.nameFits("GeForce RTX 3090", 24L << 30));
        assertFalse(FitLevers.nameFits("A100 40GB", 80L << 30));
    }
}
