package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes' arithmetic piece by piece, without a conversation: the per-card split, the ranks a question names, the
 * bytes a format takes and the units a figure is written in. The questions are worded as in the threads SizesTest
 * cites (TGI #2246's 70B AWQ over four L4s, DeepSpeed #6757's ZeRO-3 shards); each figure is worked out in its
 * comment.
 */
class SizesArithmeticTest {
    private static final Facts FP32 = Facts.builder().precision("fp32").build();
    private static final Facts ZERO3_ON_4 = Facts.builder().zeroStage(3).worldSize(4).build();

    /** 70e9 × 2 bytes / 8 = 17.5 GB, 16.3 GiB: 16-bit when neither a format nor a precision is known. */
    @Test
    void eachCardHoldsItsShareOfTheSixteenBitWeights() {
        assertEquals("Split over 8 GPUs, each holds 17.5 GB (16.3 GiB) of the 16-bit weights.",
                Sizes.perCard("how much of each card do the 70B weights take across 8 shards?", Facts.EMPTY, 70e9));
    }

    /** 70e9 × 0.5 bytes / 4 = 8.75 GB, 8.15 GiB. */
    @Test
    void theFormatNamedSetsTheBytesOfTheSplit() {
        assertEquals("Split over 4 GPUs, each holds 8.75 GB (8.15 GiB) of the 4-bit weights.",
                Sizes.perCard("the 70B AWQ on each L4 with --num-shard 4", Facts.EMPTY, 70e9));
    }

    /** 70e9 × 4 bytes / 8 = 35 GB, 32.6 GiB. */
    @Test
    void anFp32RunHeldSplitsFourBytesAParameter() {
        assertEquals("Split over 8 GPUs, each holds 35 GB (32.6 GiB) of the fp32 weights.",
                Sizes.perCard("how much of each card do the 70B weights take across 8 shards?", FP32, 70e9));
    }

    @Test
    void noPerCardFigureWithoutEachOrWithOneRank() {
        assertNull(Sizes.perCard("how much do the 70B weights take across 8 shards?", Facts.EMPTY, 70e9));
        assertNull(Sizes.perCard("how much of each card does the 7B take", Facts.EMPTY, 7e9));
    }

    @Test
    void aPerCardQuestionAsksHowMuchOfEachOfSeveralCards() {
        assertTrue(Sizes.asksPerCard("how much does each card hold of the 4-bit base when FSDP shards it across the"
                + " two?", Facts.EMPTY));
        assertFalse(Sizes.asksPerCard("each card holds the 4-bit base when FSDP shards it across the two",
                Facts.EMPTY));
        assertFalse(Sizes.asksPerCard("how much does each card hold of the 4-bit base", Facts.EMPTY));
    }

    @Test
    void theRanksAreTheCountTheQuestionNames() {
        assertEquals(4, Sizes.ranks("--tensor-parallel-size 4", Facts.EMPTY));
        assertEquals(8, Sizes.ranks("on 8x A100", Facts.EMPTY));
        assertEquals(2, Sizes.ranks("the 13B on two GPUs", Facts.EMPTY));
        assertEquals(8, Sizes.ranks("zero3 shards them over 8", Facts.EMPTY));
        assertEquals(8, Sizes.ranks("on 8x A100", ZERO3_ON_4));
    }

    /** ZeRO-3 shards the weights over the GPUs held; ZeRO-2 and plain data parallelism keep a whole copy on each. */
    @Test
    void withoutACountOnlyFullShardingSplitsOverTheGpusHeld() {
        assertEquals(4, Sizes.ranks("how much does each card hold", ZERO3_ON_4));
        assertEquals(1, Sizes.ranks("how much does each card hold", Facts.builder().zeroStage(2).worldSize(4)
                .build()));
        assertEquals(1, Sizes.ranks("how much does each card hold", Facts.builder().zeroStage(3).build()));
        assertEquals(1, Sizes.ranks("how much does each card hold", Facts.EMPTY));
    }

    @Test
    void theFormatNamedFirstSetsTheBytesElseThePrecisionHeld() {
        assertEquals(1.0, Sizes.bytesPerParam("8-bit instead of 4-bit", Facts.EMPTY));
        assertEquals(0.5, Sizes.bytesPerParam("the 7B in AWQ", FP32));
        assertEquals(4.0, Sizes.bytesPerParam("the 7B", FP32));
        assertEquals(2.0, Sizes.bytesPerParam("the 7B", Facts.EMPTY));
    }

    @Test
    void formatsAreCountedOnceEach() {
        assertEquals(2, Sizes.formatsNamed("in fp32 and in bf16, and bf16 again"));
        assertEquals(0, Sizes.formatsNamed("the 7B"));
        assertTrue(Sizes.formatNamed("in fp16"));
        assertFalse(Sizes.formatNamed("the 7B"));
    }

    /** A count is a model size from 10M to 5T parameters; a smaller one (a vocabulary) is passed over. */
    @Test
    void aParameterCountIsTenMillionToFiveTrillion() {
        assertEquals(1e7, Sizes.params("a 10M model"));
        assertNull(Sizes.params("a 9M model"));
        assertEquals(5e12, Sizes.params("a 5000B model"));
        assertNull(Sizes.params("a 5001B model"));
        assertEquals(7e9, Sizes.params("a 1M vocabulary on the 7B"));
    }

    /** 7e9 × 4 = 28 GB, 26.1 GiB. */
    @Test
    void withNoFormatNamedTheWeightsTakeThePrecisionHeld() {
        assertTrue(Sizes.weights("how much is the 7B", FP32).startsWith("Weights: 7B parameters × 4 bytes (fp32) = 28"
                + " GB (26.1 GiB)"));
        assertTrue(Sizes.weights("how much is the 7B", Facts.EMPTY).startsWith("Weights: 7B parameters × 2 bytes"
                + " (16-bit) = 14 GB (13 GiB)"));
    }

    /** 3e9 × 6 bytes = 18 GB, 16.8 GiB. */
    @Test
    void eightBitAdamTakesSixBytesAParameter() {
        assertTrue(Sizes.weights("how much does the offloaded optimizer take for 3B", Facts.EMPTY)
                .endsWith("8-bit Adam: about 6 bytes each = 18 GB (16.8 GiB)."));
    }

    @Test
    void countsAreWrittenInBillionsFromOneBillion() {
        assertEquals("7B", Sizes.count(7e9));
        assertEquals("1B", Sizes.count(1e9));
        assertEquals("350M", Sizes.count(350e6));
    }

    @Test
    void bytesAreWrittenInTheUnitTheyReach() {
        assertEquals("14 GB (13 GiB)", Sizes.gb(14e9));
        assertEquals("1023 B", Sizes.human(1023));
        assertEquals("1 KiB", Sizes.human(1024));
        assertEquals("1.25 GiB", Sizes.human(1.25 * (1L << 30)));
        assertEquals("5120 TiB", Sizes.human(5 * Math.pow(1024, 5)));
        assertEquals("3.4 TB", Sizes.decimal(3.4e12));
        assertEquals("51.8 MB", Sizes.decimal(51.8e6));
    }

    /** Three significant figures at most, no trailing zeros. */
    @Test
    void aFigureIsTrimmedToItsSize() {
        assertEquals("123", Sizes.trim(123.4));
        assertEquals("100", Sizes.trim(100));
        assertEquals("12.3", Sizes.trim(12.34));
        assertEquals("20", Sizes.trim(20));
        assertEquals("8.75", Sizes.trim(8.75));
        assertEquals("0.5", Sizes.trim(0.5));
    }
}
