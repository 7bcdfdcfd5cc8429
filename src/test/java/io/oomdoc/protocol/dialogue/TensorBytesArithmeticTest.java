package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TensorBytes on the question alone, without a conversation: which numbers are the tensor's dimensions, how an image
 * size, an upscaling factor and colour channels enter, and when there is nothing to count. The wordings are those
 * TensorBytes' own comments and TensorBytesTest's threads quote (LAMOL #2's logits, hgcn #26's adjacency); each figure
 * is worked out in its comment.
 */
class TensorBytesArithmeticTest {
    private static String asked(String text) { return TensorBytes.of(new Calculations.Ask(text, text, Facts.EMPTY)); }

    /**
     * Logits over a vocabulary are one computation, LogitsSize's: 8 × 1,024 × 50,257 = 411,697,152 values × 4 B =
     * 1.65 GB, 1.53 GiB, counted there and not a second time here.
     */
    @Test
    void logitsAreLeftToTheOneLogitsComputation() {
        String q = "How big are fp32 logits for batch 8, 1024 tokens, GPT-2's 50257-token vocab?";
        assertNull(asked(q));
        String s = LogitsSize.of(new Calculations.Ask(q, q, Facts.EMPTY));
        assertTrue(s != null && s.contains("8 sequences × 1,024 tokens × 50,257 vocabulary entries × 4 bytes = 1.65 GB"
                + " (1.53 GiB)"), s);
    }

    /** 15,000² = 225M values × 4 B = 900 MB, 858 MiB. */
    @Test
    void aProductIsEveryFactorOfIt() {
        assertEquals("15,000 × 15,000 = 225M values × 4 B (fp32) = 900 MB (858 MiB).",
                asked("how big is a dense 15000 x 15000 float32 adjacency?"));
    }

    /** 32,000² = 1.02B values × 4 B = 4.1 GB, 3.81 GiB. */
    @Test
    void billionsOfValuesAreWrittenInBillions() {
        assertEquals("32,000 × 32,000 = 1.02B values × 4 B (fp32) = 4.1 GB (3.81 GiB).",
                asked("how big is a dense 32000 x 32000 float32 matrix?"));
    }

    /** 100 × 100 = 10,000 values, the smallest counted: 40 kB, 39.1 KiB. */
    @Test
    void fewerThanTenThousandValuesAreNoTensorWorthCounting() {
        assertEquals("100 × 100 = 10,000 values × 4 B (fp32) = 40 kB (39.1 KiB).",
                asked("how big is a 100 x 100 float32 matrix?"));
        assertNull(asked("how big is a 50 x 100 float32 matrix?"));
    }

    @Test
    void oneDimensionOrNoElementTypeIsNothingToCount() {
        assertNull(asked("how big is a 50257-token vocab in fp32?"));
        assertNull(asked("how big is a dense 15000 x 15000 adjacency?"));
        assertNull(asked("how much memory is the kv cache at 1024 tokens in fp16?"));
    }

    /** (1440 × 4) × (960 × 4) × 3 = 66,355,200 values × 4 B = 265 MB, 253 MiB. */
    @Test
    void anUpscaledImageIsItsSidesTimesTheFactorAndItsChannels() {
        assertEquals("5,760 × 3,840 × 3 = 66.4M values × 4 B (fp32) = 265 MB (253 MiB).",
                asked("how big is the 4x output of a 1440x960 RGB image in fp32?"));
    }

    /** 3,840 × 2,160 × 3 = 24,883,200 values × 2 B = 49.8 MB, 47.5 MiB. */
    @Test
    void aResolutionByNameIsItsTwoSidesAndItsChannels() {
        assertEquals("3,840 × 2,160 × 3 = 24.9M values × 2 B (16-bit) = 49.8 MB (47.5 MiB).",
                asked("how big is a 4k RGB frame in fp16?"));
    }

    /** 100M × 256 = 25.6B values × 4 B = 102 GB, 95.4 GiB: a count in millions is not a model size. */
    @Test
    void aCountInMillionsOfThingsIsADimension() {
        assertEquals("100,000,000 × 256 = 25.6B values × 4 B (fp32) = 102 GB (95.4 GiB).",
                asked("how much memory do 100M of them take as 256 floats each in fp32?"));
    }
}
