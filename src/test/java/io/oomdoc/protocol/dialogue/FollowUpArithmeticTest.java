package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The arithmetic an expert does in a follow-up, shown: input sizes compared by their pixels or voxels, tokens of
 * patches, one attention matrix, weights at a precision, a fraction of a card. Each turn is played through the engine
 * as its conversation goes, from the readable half of the burned set 27 (development data; file and turn cited).
 */
class FollowUpArithmeticTest {
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");

    /** github.com/fyu/dilation/issues/16: two crop sides said bare, squared as the crops said before are. */
    @Test
    void bareCropSidesAreComparedByTheirPixels() {
        holdsSaying(SET27, "P26-dilation-cityscapes-1396-crop.txt", 2, "1,392,400 → 1,948,816 pixels, ×1.4");
    }

    /** P27-cbct-3d-crop-256.txt turn 2: a 3D crop written with commas is a volume, its voxels the side cubed. */
    @Test
    void aVolumeCutToHalfEachSideKeepsAnEighth() {
        holdsSaying(SET27, "P27-cbct-3d-crop-256.txt", 2, "256×256×256 → 128×128×128: 16,777,216 → 2,097,152 voxels");
    }

    /** P27-cbct-3d-crop-256.txt turn 4: "192 instead of 128" after a 128³ crop is cubed, not taken linearly. */
    @Test
    void aBareSideOfAVolumeSaidBeforeIsCubed() {
        holdsSaying(SET27, "P27-cbct-3d-crop-256.txt", 4, "×3.375");
    }

    /** P27-cbct-3d-crop-256.txt turn 3: a 3D crop against one 2D slice of it is the side times more. */
    @Test
    void aVolumeAgainstItsSliceIsTheSideTimesMore() {
        holdsSaying(SET27, "P27-cbct-3d-crop-256.txt", 3, "256 times as many");
    }

    /** github.com/jy0205/Pyramid-Flow (P06 turn 3): a drop to a size said after the size run before is a quarter. */
    @Test
    void aSmallerSizeAfterTheOneRunBeforeIsTheDropsDirection() {
        holdsSaying(SET27, "P06-pyramidflow-vae-24gb.txt", 3, "1280×768 → 640×384");
    }

    /** P28-fcdensenet103-168960-tensor.txt turn 3: half the width and half the height. */
    @Test
    void halfOfEachSideIsAQuarterOfThePixels() {
        holdsSaying(SET27, "P28-fcdensenet103-168960-tensor.txt", 3, "×0.25 of its pixels");
    }

    /** P29-segnet-1440x960-12gb.txt turn 3: a decoder upsampled only to 1/4 of each side keeps 1/16 of the pixels. */
    @Test
    void aFractionOfEachSideIsSquared() {
        holdsSaying(SET27, "P29-segnet-1440x960-12gb.txt", 3, "1/16");
    }

    /** github.com/NVlabs/Fast-FoundationStereo/issues/13: scale 1.0 against 0.6 is (1/0.6)² of the pixels. */
    @Test
    void aScaleFactorActsOnEachSide() {
        holdsSaying(SET27, "P10-foundationstereo-scale-factor.txt", 2, "×2.78");
    }

    /** P11-depthanything-lower-bound-resize.txt turn 3: "14-pixel patches" names the patch. */
    @Test
    void patchesSaidInPixelsCountTokens() {
        holdsSaying(SET27, "P11-depthanything-lower-bound-resize.txt", 3, "1,369 patches");
    }

    /** P20-sd-videos-attention-slicing.txt turn 3: of 512x512 and the 64x64 latent, attention runs over the latent. */
    @Test
    void theLatentGridIsWhatAttentionRunsOverInItsPrecision() {
        holdsSaying(SET27, "P20-sd-videos-attention-slicing.txt", 3, "(32 MiB) per image in 16-bit");
    }

    /** P42-ict-transformer-16g-batch-3.txt turn 2: a sequence said as 32*32 is 1,024 tokens. */
    @Test
    void aGridWrittenWithAStarIsTokensToo() {
        holdsSaying(SET27, "P42-ict-transformer-16g-batch-3.txt", 2, "(2 MiB)");
    }

    /** P19-timesfm-200m-18g-vram.txt turn 2: the weights of the 200M model said before, in fp32. */
    @Test
    void weightsAtTheNamedPrecisionUseTheCountSaidBefore() {
        holdsSaying(SET27, "P19-timesfm-200m-18g-vram.txt", 2, "200M parameters × 4 bytes (fp32) = 800 MB");
    }

    /** P19-timesfm-200m-18g-vram.txt turn 4: a what-if of the memory fraction leads with the share of the card. */
    @Test
    void aFractionOfACardLeadsTheWhatIf() {
        holdsSaying(SET27, "P19-timesfm-200m-18g-vram.txt", 4, "is 4.8 GiB");
    }

    /** P36-grover-mega-seq-vs-batch.txt turn 3: weights, gradients and Adam states asked by name are 16 bytes each. */
    @Test
    void weightsGradientsAndAdamStatesAskedByNameAreTheTrainingStates() {
        holdsSaying(SET27, "P36-grover-mega-seq-vs-batch.txt", 3, "= 24 GB");
    }

    /**
     * conversations_heldout12/M50-ddpo-sd-2.1-lora-batch-2-oom-80gb.txt turn 2: a size that ends its sentence
     * ("generates 768x768.") is still a size, compared with the one said after "than".
     */
    @Test
    void aSizeBeforeAFullStopIsStillASize() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout12"), "M50-ddpo-sd-2.1-lora-batch-2-oom-80gb.txt",
                2, "512×512 → 768×768");
    }

    /** P29-segnet-1440x960-12gb.txt turn 4: a how-to about resizing computes nothing. */
    @Test
    void aQuestionThatIsNotArithmeticGetsNoRatio() {
        String q = "how do I resize inputs in a tf.data pipeline?";
        String before = "what if the decoder only upsampled to 1/4 and the rest were bilinear?\nhow much bigger is "
                + "1440x960 than the 480x360 CamVid input?";
        assertNull(SpatialRatio.of(new Calculations.Ask(q, q + "\n" + before, Facts.EMPTY)));
    }

    /**
     * conversations_heldout2/K39-yolov5l-rtx3070-batch16.txt turn 4: "what if batch 8" changes a count, not a side,
     * though the command before said an image side (--img 512) beside the batch.
     */
    @Test
    void aBatchChangeIsNoSideChange() {
        String q = "what if batch 8";
        String before = "I only train with batch-size = 4 but too slow. Before it, i can train with batch-size 16\n"
                + "python3 train.py --img 512 --batch-size 16 --epochs 50 --data coco_custom.yaml --device 0";
        assertNull(SpatialRatio.of(new Calculations.Ask(q, q + "\n" + before, Facts.EMPTY)));
    }
}
