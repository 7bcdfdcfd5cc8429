package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeepSpeed's gradient buckets (deepspeed/runtime/zero/stage_1_and_2.py, stage3.py): reduce_bucket_size elements in the
 * gradients' dtype, a second block under overlap_comm at stages 1-2 only; nothing counted when the size is unstated,
 * and that said. Unit checks of the term the measured records exercise in DeepSpeedGradientBucketsTest.
 */
class GradientBucketsTest {
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-2-7b").orElseThrow();
    private static final long BUCKET = 500_000_000L;

    private static long buckets(int stage, boolean overlap, long size, Setup.Precision p, List<String> said) {
        Setup s = Setup.builder(LLAMA).seq(512).batch(1).precision(p).zeroStage(stage).gpus(2).reduceBucket(size)
                .overlapComm(overlap).build();
        return BudgetEngine.gradientBuckets(s, LLAMA, said);
    }

    @Test
    void overlapCommDoublesTheBucketsAtStageTwo() {
        assertEquals(2 * BUCKET * 2, buckets(2, true, BUCKET, Setup.Precision.BF16, new ArrayList<>()));
        assertEquals(BUCKET * 2, buckets(2, false, BUCKET, Setup.Precision.BF16, new ArrayList<>()));
    }

    @Test
    void stageThreeKeepsOneBufferWhateverOverlapSays() {
        assertEquals(BUCKET * 2, buckets(3, true, BUCKET, Setup.Precision.BF16, new ArrayList<>()));
    }

    @Test
    void fp32GradientsTakeFourBytesAnElement() {
        assertEquals(BUCKET * 4, buckets(2, false, BUCKET, Setup.Precision.FP32, new ArrayList<>()));
    }

    @Test
    void anUnstatedSizeCountsNothingAndSaysSo() {
        List<String> said = new ArrayList<>();
        assertEquals(0, buckets(2, true, 0, Setup.Precision.BF16, said));
        assertEquals(1, said.size());
        assertTrue(said.get(0).contains("not stated"), said.get(0));
        // the Trainer's "auto" (hidden x hidden, two buffers, 2 bytes) and DeepSpeed's default (5e8 x 2 x 2) both named
        assertTrue(said.get(0).contains("64.00 MiB") && said.get(0).contains("1.86 GiB"), said.get(0));
    }
}
