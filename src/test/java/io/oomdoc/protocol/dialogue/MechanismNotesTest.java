package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mechanisms asked after a diagnosis in the burned held-out sets 17-19 (scored once, development data since), each
 * answered by one row of knowledge/dialogue/notes.yaml or glossary.yaml, played through the engine as the
 * conversation goes.
 */
class MechanismNotesTest {
    private static final Path SET17 = Path.of("src/test/resources/conversations_heldout17");
    private static final Path SET18 = Path.of("src/test/resources/conversations_heldout18");
    private static final Path SET19 = Path.of("src/test/resources/conversations_heldout19");

    /** github.com/lucidrains/make-a-video-pytorch/issues/10: fp16's 5-bit exponent overflows, bf16's 8-bit does not. */
    @Test
    void fp16OverflowsWhereBf16KeepsFp32sRange() {
        var v = turn(SET19, "P17-make-a-video-bf16-checkpointing.txt", 2);
        assertTrue(v.output().contains("65504"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/fe1ixxu/ALMA/issues/42: ZeRO-3's "pytorch allocator cache flushes" warning is memory pressure. */
    @Test
    void allocatorCacheFlushesMeanTheCardRunsNearlyFull() {
        var v = turn(SET17, "P01-alma-llama3-8b-cpo-zero2-a100-40g.txt", 2);
        assertTrue(v.output().contains("high memory pressure"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/haoheliu/AudioLDM-training-finetuning/issues/48: matmul precision "medium" saves no memory. */
    @Test
    void matmulPrecisionMediumIsASpeedSetting() {
        var v = turn(SET18, "P40-audioldm-finetune-colab-t4.txt", 3);
        assertTrue(v.output().contains("set_float32_matmul_precision"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/microsoft/Cream/issues/214: accumulation splits a contrastive batch's negatives; GradCache does not. */
    @Test
    void accumulationIsNotOneBigContrastiveBatch() {
        var v = turn(SET17, "P29-tinyclip-global-batch-8-a100.txt", 3);
        assertTrue(v.output().contains("1/k of the negatives"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/jeanne-wang/svd_keyframe_interpolation/issues/4: all 25 frames through the VAE decoder at once. */
    @Test
    void decodingEveryFrameAtOnceIsThePeak() {
        var v = turn(SET17, "P15-svd-keyframe-interpolation-decode-chunk-a100.txt", 3);
        assertTrue(v.output().contains("decode_chunk_size"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/aigc-apps/VideoX-Fun/issues/56: spikes every other step are batches of another shape, not a leak. */
    @Test
    void spikesOnAlternatingStepsAreBatchShapes() {
        var v = turn(SET19, "P18-videox-fun-5b-inpaint-h100.txt", 2);
        assertTrue(v.output().contains("alternates image and video batches"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/xberg-io/xberg/issues/1717: a large scanned page is a longer sequence of visual tokens. */
    @Test
    void aLargePageIsMoreVisualTokens() {
        var v = turn(SET19, "P47-xberg-paddleocr-vl-peak-by-document.txt", 2);
        assertTrue(v.output().contains("visual tokens in proportion to its pixels"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
