package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tensor's size from its shape as people write it: Python's printed shape, a power of two, an upscaled image.
 * Turns quoted from the burned held-out sets 12, 14 and 31 (scored blind once, development data since).
 */
class TensorShapesTest {
    private static String bytes(String q) { return TensorBytes.of(new Calculations.Ask(q, q, Facts.EMPTY)); }

    /** M48 turn 3: a shape printed as a list, its commas the product's signs. */
    @Test
    void aPrintedShapeIsTheProductOfItsDimensions() {
        String s = bytes("how big is that [8, 3, 10, 128, 128] input tensor in fp32?");
        assertTrue(s.contains("= 15.7 MB"), s);
    }

    /** P48 turn 2: "length 2^20" is one dimension of 1,048,576, and "D=256" the width. */
    @Test
    void aPowerOfTwoIsOneDimension() {
        String s = bytes("how big is one activation tensor of a D=256 layer at length 2^20 in fp32?");
        assertTrue(s.contains("256 × 1,048,576"), s);
        assertTrue(s.contains("(1 GiB)"), s);
    }

    /** P09 turn 2: the output of a 4x upscaler is each side times 4, in three colour channels. */
    @Test
    void anUpscaledOutputImageIsEachSideTimesTheFactor() {
        String s = bytes("for a 1920x1080 input at 4x, how big is the output image in fp32?");
        assertTrue(s.contains("7,680 × 4,320 × 3"), s);
    }
}
