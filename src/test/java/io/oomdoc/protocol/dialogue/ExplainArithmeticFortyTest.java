package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Turns of conversations_heldout40 (development data since the thirty-sixth session) and older burned sets that ask
 * for a figure and got a knowledge paragraph, or a wrong verdict, without it: the input named by its resolution, a
 * video's patch tokens, a table of embeddings counted in billions, the gap or jump between two figures said in a turn
 * before, a need measured at a smaller input, and the sides of a volume halved; and a how-to that asks to see what
 * the tensors take. Each is played through the engine as its conversation goes.
 */
class ExplainArithmeticFortyTest {
    private static final Path SET40 = Path.of("src/test/resources/conversations_heldout40");
    private static final Path SET4 = Path.of("src/test/resources/conversations_heldout4");
    private static final Path SET13 = Path.of("src/test/resources/conversations_heldout13");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");

    /** github.com/yfyang007/RealRestorer/issues/1: "how many more pixels does a 4K image have than 1024x1024?". */
    @Test
    void aResolutionSaidByNameIsASize() {
        holdsSaying(SET40, "P16-realrestorer-34-gb-at-1024.txt", 3, "1024×1024 → 3840×2160");
    }

    /** github.com/cxliu0/PET/issues/34: "how much bigger is a 4K image than a 2560-wide one". */
    @Test
    void aWidthAloneTakesTheAspectOfTheImageItIsComparedWith() {
        holdsSaying(SET40, "P11-pet-crowd-counting-with-4k-images.txt", 3, "2560×1440 → 3840×2160");
    }

    /** github.com/facebookresearch/TimeSformer/issues/38: 16 frames at 224x224 "with 16x16 patches". */
    @Test
    void aClipsPatchTokensAreEachFramesTimesTheFrames() {
        holdsSaying(SET40, "P15-timesformer-16-frames-on-a-t4.txt", 2, "16 × 196 = 3,136 patch tokens");
    }

    /** github.com/songgc/TF-recomm/issues/4: "1 billion users at dimension 15 in float32". */
    @Test
    void aCountInBillionsTimesADimensionNamedBeforeItsNumber() {
        holdsSaying(SET40, "P26-tf-recomm-a-billion-users.txt", 2, "1,000,000,000 × 15 = 15B values");
    }

    /** github.com/med-air/3DSAM-adapter/issues/3: "needs about 35 GB ... a 12 GB card", then "how big is that gap?". */
    @Test
    void theGapAskedIsBetweenTheNeedAndTheCardSaidBefore() {
        holdsSaying(SET40, "P04-3dsam-adapter-35-gb-on-a-3060.txt", 3, "short by 23 GiB");
    }

    /** github.com/open-mmlab/mmskeleton/issues/94: 2697MiB, later 2845MiB, then "how big is the jump". */
    @Test
    void theJumpAskedIsBetweenTwoReadingsSaidBefore() {
        holdsSaying(SET4, "M53-mmskeleton-2697-to-2845-mib-epoch-9.txt", 2, "148 MiB more");
    }

    /** github.com/yfyang007/RealRestorer/issues/1: 34 GB measured at 1024x1024, then "what if I run 4K on 80 GB?". */
    @Test
    void aNeedMeasuredAtASmallerInputIsNoVerdictForALargerOne() {
        holdsSaying(SET40, "P16-realrestorer-34-gb-at-1024.txt", 4, "3840×2160 has ×7.91 the pixels");
    }

    /** github.com/Thvnvtos/Lung_Segmentation/issues/7: "halve each side of the input volume" of a 3D U-Net. */
    @Test
    void halvingEachSideOfAVolumeLeavesAnEighth() {
        holdsSaying(SET15, "P31-lung-segmentation-3d-unet-8gb-batch-1.txt", 3, "three sides of the volume");
    }

    /** github.com/replicate/cog-llama-template/pull/4: "truncate training inputs to the 4k context window". */
    @Test
    void fourKSaidOfALengthIsNoImage() {
        String turn = Transcripts.read(SET27.resolve("P39-cog-llama-lora-bf16-4k.txt")).turns().get(0).input();
        assertEquals(0, NamedResolutions.in(turn).size(), turn);
    }

    /** discuss.pytorch.org/t/how-pytorch-consumes-gpu/74776: "how do I see what my tensors really take?". */
    @Test
    void whatTheTensorsTakeIsAskedOfTheAllocator() {
        holdsSaying(SET13, "N01-pytorch-forum-64mb-model-takes-870mb.txt", 4, "max_memory_allocated");
    }
}
