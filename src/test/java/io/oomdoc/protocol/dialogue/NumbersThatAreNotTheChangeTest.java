package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if or explain turn computes the change between the two values it means, not between any two numbers in it:
 * a memory size is not a length, a card's model number is not a count, an image's width × height is not a byte count,
 * and two sides of an image compare as pixels (burned sets 10, 12, 17, 19 and 20).
 */
class NumbersThatAreNotTheChangeTest {
    private static final Path SET_12 = Path.of("src/test/resources/conversations_heldout12");
    private static final Path SET_17 = Path.of("src/test/resources/conversations_heldout17");
    private static final Path SET_19 = Path.of("src/test/resources/conversations_heldout19");
    private static final Path SET_20 = Path.of("src/test/resources/conversations_heldout20");
    private static final String M24 = "M24-ds4-96gb-mac-wired-limit-250k-context.txt";

    /** A memory size after the word "context" is not the context's length. */
    @Test
    void aSizeInGigabytesIsNotALength() {
        assertNull(Scaling.of("the 250k context needs about 6.5 GB more", Facts.EMPTY));
        assertNull(Scaling.of("the longest context per sequence that fits the 29353 MB", Facts.EMPTY));
    }

    /** github.com/antirez/ds4/issues/46 (#3): 6.5 GB said first, the length asked for is 100k. */
    @Test
    void theLengthAskedForIsTheOneAfterTheSize() {
        var v = CaseFiguresTest.turn(SET_12, M24, 3);
        assertTrue(v.output().contains("→ 102400"), v.output());
        assertFalse(v.output().contains("→ 6:"), v.output());
    }

    /** github.com/Shawey94/WACV2025-FFTAT/issues/3 (#4): "RTX 5090 with 32GB", "Ada 6000 with 48GB" are cards. */
    @Test
    void aCardsModelNumberIsNotACount() {
        var v = CaseFiguresTest.turn(SET_19, "P14-fftat-5090-batch-64.txt", 4);
        assertFalse(v.output().contains("From 5090 to 6000"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** An image's width × height with no bytes said is not a byte count. */
    @Test
    void anImageSizeIsNotAByteCount() {
        assertNull(KnowledgeAnswers.arithmetic("my images are 5000x3000, about 500 train"));
        assertTrue(KnowledgeAnswers.arithmetic("469530 * 9997 * 4 bytes").contains("= 18,775,565,640 bytes"));
    }

    /** github.com/guyyariv/DyPE/issues/12 (#2): a 4096x4096 image against 3072 is 16/9 the pixels. */
    @Test
    void aSizeAgainstOneSideComparesThePixels() {
        var v = CaseFiguresTest.turn(SET_20, "P09-dype-qwen-image-3072-h100.txt", 2);
        assertTrue(v.output().contains("3072×3072 is 9,437,184: 1.78× as many"), v.output());
    }

    /** github.com/yardenfren1996/B-LoRA/issues/22 (#3): the latent at 600 against 512 is (600/512)² = 1.37×. */
    @Test
    void twoSidesOfAnImageCompareAsSquares() {
        var v = CaseFiguresTest.turn(SET_17, "P03-b-lora-sdxl-rank-64-resolution-600.txt", 3);
        assertTrue(v.output().contains("600×600 is 360,000 pixels and 512×512 is 262,144: 1.37× as many"),
                v.output());
    }
}
