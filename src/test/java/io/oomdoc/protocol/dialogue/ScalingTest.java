package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Changes answered by proportion, in the forms people write them. */
class ScalingTest {
    @Test
    void aWholeFactorIsSaidInWordsToo() {
        assertTrue(Scaling.of("what if the batch goes from 500 to 2000", Facts.EMPTY).contains("×4.00 (4 times)"));
    }

    @Test
    void lengthsInThousandsNeedNoWordForTheLength() {
        String s = Scaling.of("and at 32k instead of 16k?", Facts.EMPTY);
        assertTrue(s.startsWith("Length 16384 → 32768"), s);
    }

    @Test
    void insteadOfGivesTheLengthBeforeTheChange() {
        String s = Scaling.of("what if I go to batch 1 with seq 4096 instead of 8192", Facts.EMPTY);
        assertTrue(s.startsWith("Length 8192 → 4096"), s);
    }

    @Test
    void aPerDeviceBatchIsTheBatch() {
        String s = Scaling.of("per_device_train_batch_size to 16", Facts.builder().batch(8).build());
        assertTrue(s.startsWith("Batch 8 → 16"), s);
    }

    @Test
    void halvingAResolutionQuartersWhatGrowsWithThePixels() {
        assertTrue(Scaling.of("what if I halve the image resolution", Facts.EMPTY).contains("(a quarter)"));
        assertTrue(Scaling.of("what if I halve the samples per prompt", Facts.EMPTY).contains("(half)"));
    }

    /** github.com/NVIDIA/pix2pixHD/issues/63 and EvgenyKashin/stylegan2-distillation#21: a camel-case --batchSize. */
    @Test
    void aCamelCaseBatchFlagIsTheBatch() {
        String s = Scaling.of("what if I train with --batchSize 2 instead of 8", Facts.EMPTY);
        assertTrue(s != null && s.startsWith("Batch 8 → 2"), s);
    }

    /** DeepSpeed's config key train_micro_batch_size_per_gpu: a flag with its script's prefix is still the batch. */
    @Test
    void aPrefixedBatchKeyIsTheBatch() {
        String s = Scaling.of("train_micro_batch_size_per_gpu 4 instead of 16", Facts.EMPTY);
        assertTrue(s != null && s.startsWith("Batch 16 → 4"), s);
    }

    /**
     * github.com/lfnovo/esperanto/issues/107: num_ctx 8k instead of a default of 128k; words between "instead of"
     * and the length, and a reduction said as how many times smaller.
     */
    @Test
    void aLengthCutSaysHowManyTimesSmaller() {
        String s = Scaling.of("what if I ask for 8k instead of the default 128k", Facts.EMPTY);
        assertTrue(s != null && s.startsWith("Length 131072 → 8192") && s.contains("(16 times smaller)"), s);
    }

    @Test
    void halvingInBothSidesIsAQuarter() {
        assertTrue(Scaling.of("what does halving the crop in both sides do?", Facts.EMPTY).contains("×0.25"));
        assertTrue(Scaling.of("what if I halve the tile height and width?", Facts.EMPTY).contains("×0.25"));
        assertTrue(Scaling.of("what if I halve the tiles?", Facts.EMPTY).contains("×0.50 (half)"));
    }

    @Test
    void halfTheCountWithoutTheVerbHalves() {
        String s = Scaling.of("what if I pass a clip with half the frames?", Facts.EMPTY);
        assertTrue(s.startsWith("Halving frames") && s.contains("×0.50 (half)"), s);
        assertNull(Scaling.of("what if I give each session half the card?", Facts.EMPTY));
    }

    @Test
    void theChineseHalvingFollowsItsNoun() {
        String s = Scaling.of("如果采样帧数减半呢？", Facts.EMPTY);
        assertTrue(s.contains("采样帧数") && s.contains("×0.50 (half)"), s);
        assertTrue(Scaling.of("分辨率减半呢？", Facts.EMPTY).contains("×0.25"));
    }
}
