package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * A tensor the question describes by how many there are and how wide each is: a count in millions of things that
 * are not parameters ("100M of them", "1.17M edges"), a width ("256 floats", "256-wide"), an image upscaled by a
 * factor with its colour channels. Elements times bytes, as an expert counts them. Real turns of
 * conversations_heldout22 (burned, read by conv19a).
 */
class CountedTensorsTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout22");

    /** github.com/facebookresearch/SentAugment/issues/4: 100M sentence embeddings of 256 fp32 values. */
    @Test
    void aHundredMillionEmbeddingsOfTwoHundredFiftySixFloats() {
        holdsSaying(SET, "P06-sentaugment-100m-embeddings-killed.txt", 2, "25.6B values × 4 B (fp32) = 102 GB");
    }

    /** github.com/iDC-NEU/NeutronTP/issues/2: a 256-wide fp32 message on each of ogbn-arxiv's 1.17M edges. */
    @Test
    void oneMessagePerEdgeInOneLayer() {
        holdsSaying(SET, "P41-neutrontp-gat-arxiv-oom.txt", 3, "1,170,000 × 256");
    }

    /** github.com/snapotter-hq/SnapOtter/issues/191: a 1440x960 image upscaled 4x, float32 RGB. */
    @Test
    void aFourTimesUpscaledRgbImage() {
        holdsSaying(SET, "P43-snapotter-realesrgan-3070-tiling.txt", 3, "5,760 × 3,840 × 3");
    }
}
