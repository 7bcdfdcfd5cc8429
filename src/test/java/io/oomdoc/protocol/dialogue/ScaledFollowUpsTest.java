package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if that changes an input's size is answered by the ratio of what grows with it: a volume by the cube of its
 * side, a halving "in both sides" by a quarter, "half the frames" by a half, and the Chinese forms of both
 * ("从 768 降到 512", "减半"). Turns of the burned held-out sets 25, 27 and 28 (each scored blind once, development
 * data since), played through the engine.
 */
class ScaledFollowUpsTest {
    private static final Path SET25 = Path.of("src/test/resources/conversations_heldout25");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");
    private static final Path SET28 = Path.of("src/test/resources/conversations_heldout28");

    /** github.com/bigmb/Unet-Segmentation-Pytorch-Nest-of-Unets/issues/27: 128^3 patches, "down to 96^3?". */
    @Test
    void aSmallerCubeScalesByTheCubeOfTheSide() {
        var v = turn(SET25, "P14-nested-unet-3d-128cube.txt", 3);
        assertTrue(v.output().contains("Volume 128³ → 96³") && v.output().contains("×0.42"), v.output());
    }

    /** The same thread's "and 64^3?" after the 96^3 what-if: compared with the 128^3 that ran, not the what-if. */
    @Test
    void aSecondWhatIfComparesWithTheSetupNotTheFirstWhatIf() {
        var v = turn(SET25, "P14-nested-unet-3d-128cube.txt", 4);
        assertTrue(v.output().contains("Volume 128³ → 64³") && v.output().contains("8 times smaller"), v.output());
    }

    /** github.com/hui-po-wang/DISE-Domain-Invariant-Structure-Extraction/issues/6: "halving the crop in both sides". */
    @Test
    void halvingACropInBothSidesIsAQuarter() {
        var v = turn(SET27, "P25-dise-11gb-crop.txt", 2);
        assertTrue(v.output().contains("×0.25 (a quarter)"), v.output());
    }

    /** github.com/prs-eth/RollingDepth/issues/26: "a clip with half the frames" halves what grows with the frames. */
    @Test
    void halfTheFramesIsAHalf() {
        var v = turn(SET27, "P09-rollingdepth-video-oom.txt", 3);
        assertTrue(v.output().contains("×0.50 (half)"), v.output());
    }

    /** The same thread in Chinese: "如果把处理分辨率从 768 降到 512 呢？" is (512/768)² of the pixels. */
    @Test
    void aChineseResolutionChangeFromAndToIsReadAsOne() {
        var v = turn(SET27, "P09-rollingdepth-video-oom.txt", 4);
        assertTrue(v.output().contains("Resolution 768×768 → 512×512") && v.output().contains("×0.44"), v.output());
    }

    /** github.com/yeliudev/VideoMind/issues/17: "如果采样帧数减半呢？", the sampled frame count halved. */
    @Test
    void aChineseHalvingFollowsItsNoun() {
        var v = turn(SET28, "P17-videomind-4x4090-eval-chinese.txt", 4);
        assertTrue(v.output().contains("采样帧数") && v.output().contains("×0.50 (half)"), v.output());
    }
}
