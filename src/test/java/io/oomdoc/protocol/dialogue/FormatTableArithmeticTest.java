package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FormatTable on the question alone, without a conversation: the weights in every format, and which format a quoted
 * size is, in the wordings FormatTable's own comments quote ("someone said the 7B needs 27 GB, why that much?", "how
 * big is 405B in fp32 and in bf16?", "why is the file that big?"). Each figure is worked out in its comment.
 */
class FormatTableArithmeticTest {
    private static final String SEVEN_B = "Weights of 7B parameters: 28 GB in fp32, 14 GB in 16-bit, 7 GB in 8-bit,"
            + " 3.5 GB in 4-bit.";

    private static String asked(String text) { return asked(text, ""); }

    private static String asked(String text, String earlier) {
        return FormatTable.of(new Calculations.Ask(text, text + earlier, Facts.EMPTY));
    }

    /** 7e9 × 4 = 28 GB: 27 GB is within 15% of it, so it is the fp32 weights. */
    @Test
    void aQuotedSizeIsTheFormatItIsWithinFifteenPercentOf() {
        assertEquals(SEVEN_B + " 27 GB is the weights in fp32 (4 bytes per parameter), before any KV cache,"
                + " activations or CUDA context.", asked("Someone said the 7B needs 27 GB, why that much?"));
    }

    /** 13 GiB = 13.96 GB, the 16-bit weights' 14 GB. */
    @Test
    void aSizeInGibIsConvertedBeforeItIsMatched() {
        assertTrue(asked("why does the 7B need 13 GiB?").endsWith("14 GB is the weights in 16-bit (2 bytes per"
                + " parameter), before any KV cache, activations or CUDA context."));
    }

    /** 60 GB is over 28 GB × 1.15 = 32.2 GB: more than the weights in any format. */
    @Test
    void aSizeOverTheFp32WeightsIsMoreThanTheWeights() {
        assertEquals(SEVEN_B + " 60 GB is more than the weights in any format: the rest is KV cache, activations,"
                + " optimizer state or another process.", asked("why does the 7B need 60 GB?"));
    }

    /** 405e9 × 4 = 1.62 TB, × 2 = 810 GB, × 1 = 405 GB, × 0.5 = 202.5 GB written 203. */
    @Test
    void twoFormatsAskedGetTheWholeTable() {
        assertEquals("Weights of 405B parameters: 1.62 TB in fp32, 810 GB in 16-bit, 405 GB in 8-bit, 203 GB in"
                + " 4-bit.", asked("How big is 405B in fp32 and in bf16?"));
    }

    /** 125e6 × 4 = 0.5 GB down to 0.0625 GB, written 0.06. */
    @Test
    void whatAModelNeedsIsItsWeightsInEveryFormat() {
        assertEquals("Weights of 125M parameters: 0.5 GB in fp32, 0.25 GB in 16-bit, 0.13 GB in 8-bit, 0.06 GB in"
                + " 4-bit.", asked("How much memory does a 125m model need?"));
    }

    /** The file pointed at is the 7B said before, and its size the 14 GB said with it. */
    @Test
    void aSizePointedAtIsTheOneSaidBefore() {
        assertTrue(asked("why is the file that big?", "\nthe 7B checkpoint is 14 GB").endsWith("14 GB is the weights"
                + " in 16-bit (2 bytes per parameter), before any KV cache, activations or CUDA context."));
    }

    /** 70e9 × 2 / 8 = 17.5 GB a card, after the table. */
    @Test
    void aPerCardQuestionGetsTheTableAndTheShare() {
        assertTrue(asked("how much of each card do the 70B weights take across 8 shards?").endsWith(" Split over 8"
                + " GPUs, each holds 17.5 GB (16.3 GiB) of the 16-bit weights."));
    }

    /** 20 GB matches no format (28, 14, 7, 3.5 GB) and is under 32.2 GB: the table alone. */
    @Test
    void aSizeBetweenTheFormatsGetsTheTableAlone() {
        assertEquals(SEVEN_B, asked("why does the 7B need 20 GB?"));
    }

    /** 250e9 × 4 = 1e12 bytes: from a terabyte on, the fp32 cell is written in TB. */
    @Test
    void aTerabyteIsWrittenInTerabytes() {
        assertEquals("Weights of 250B parameters: 1 TB in fp32, 500 GB in 16-bit, 250 GB in 8-bit, 125 GB in 4-bit.",
                asked("How big is 250B in fp32 and in bf16?"));
    }

    /** Two formats asked about a model named before: that model's table. */
    @Test
    void twoFormatsAskedTakeTheModelSaidBefore() {
        assertEquals(SEVEN_B, asked("How big is a model in fp32 and in bf16?", "\nthe 7B"));
        assertNull(asked("why is a model this size?", "\nthe 7B"));
    }

    /** A why with no size quoted, pointed at or asked for is not the weights' question. */
    @Test
    void aWhyWithNothingQuotedIsNoTable() {
        assertNull(asked("why does the 7B fail?"));
        assertNull(asked("how big is the Adam state of the 7B in fp32 and in bf16?"));
    }

    @Test
    void noModelOrOneFormatNamedIsNoTable() {
        assertNull(asked("why is it slow?"));
        assertNull(asked("how much is the 7B in fp16?"));
        assertNull(asked("the 7B in fp32 and in bf16."));
    }
}
