package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Out of RAM" is the card's memory when the reporter gives a card's size next to its name (kohya-ss/sd-scripts#1152:
 * "24GB (7900 XTX)"); a size far from any card, or a card with no size, leaves "RAM" as host memory.
 */
class CardSizeSaidTest {
    @Test
    void aSizeJustBeforeTheCardIsTheCardsMemory() {
        assertTrue(Kills.cardSizeSaid("it ran out of ram, 24gb (7900 xtx)"));
    }

    @Test
    void aSizeJustAfterTheCardIsTheCardsMemory() {
        assertTrue(Kills.cardSizeSaid("out of ram on my rtx 3090 24gb"));
    }

    @Test
    void twelveCharactersBetweenSizeAndCardStillCount() {
        assertTrue(Kills.cardSizeSaid("24gb abcdefghij rtx 3090"));
        assertTrue(Kills.cardSizeSaid("rtx 3090 abcdefghij 24gb"));
    }

    @Test
    void thirteenCharactersBetweenSizeAndCardDoNot() {
        assertFalse(Kills.cardSizeSaid("24gb abcdefghijk rtx 3090"));
        assertFalse(Kills.cardSizeSaid("rtx 3090 abcdefghijk 24gb"));
    }

    @Test
    void aSizeWithNoCardIsNotACardsMemory() {
        assertFalse(Kills.cardSizeSaid("the machine has 64gb and ran out of ram"));
    }

    @Test
    void aCardWithNoSizeIsNotACardsMemory() {
        assertFalse(Kills.cardSizeSaid("out of ram while training on an rtx 3090"));
    }

    @Test
    void outOfRamNextToACardsSizeIsNoHostKillButAloneItIs() {
        assertFalse(Kills.named("ran out of ram with 24gb (7900 xtx)"));
        assertTrue(Kills.named("the job ran out of ram after an hour"));
    }
}
