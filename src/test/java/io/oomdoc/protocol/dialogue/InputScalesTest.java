package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answer to a failure told in prose opens with what the domain's code holds at once, named from the user's words
 * (dialogue/input-scales.tsv): frames, images in one pass, the input's resolution, points or Gaussians. The turns are
 * real users' own, from the burned conversation sets 23 to 27 (fixture, turn and thread named on each test).
 */
class InputScalesTest {
    private static String firstLine(String turn) {
        return new Conversation().respond(turn).text().lines().findFirst().orElse("");
    }

    // conversations_heldout23/P07-hunyuanavatar-comfyui-129-frames.txt #1 (smthemex/ComfyUI_HunyuanAvatar_Sm#5)
    @Test
    void aVideoLengthNamesTheFramesHeldTogether() {
        String first = firstLine("ComfyUI with the HunyuanAvatar node, video_length 129. sampling starts and fails at "
                + "step 0 of 25:\ntorch.OutOfMemoryError: CUDA out of memory.");
        assertTrue(first.contains("frames processed together (129)"), first);
    }

    // conversations_heldout24/P11-map-anything-v100-19-views.txt #1 (facebookresearch/map-anything#94)
    @Test
    void aFewImagesInOnePassAreTheImagesHeldTogether() {
        String first = firstLine("MapAnything COLMAP demo on a V100 32G: 19 single-modality images of 640x480 and it "
                + "runs out of VRAM. other people say they run hundreds of images on a 4090 24G. "
                + "what am I doing wrong?");
        assertTrue(first.contains("images (views) processed together (19)"), first);
    }

    // conversations_heldout23/P44-dessurt-larger-than-1152x768.txt #1 (herobd/dessurt#4)
    @Test
    void aSizeInPixelsIsTheResolution() {
        String first = firstLine("fine-tuning Dessurt with trainer.py on my handwritten documents, which are larger "
                + "than 1152 x 768, and it runs out of GPU memory on my 24 GB card.");
        assertTrue(first.contains("resolution (1152x768)"), first);
    }

    // conversations_heldout25/P44-fateavatar-3090-resolution.txt #1 (zjwfufu/FateAvatar#8)
    @Test
    void aGaussianModelNamesItsGaussians() {
        String first = firstLine("Hi, I was getting OOM error on a 24 GB RTX 3090 GPU. How much GPU memory is "
                + "typically required to train a 3D Gaussian head model?");
        assertTrue(first.contains("number of points (Gaussians)"), first);
    }

    // conversations_heldout27/P14-marian-de-en-363-tokens.txt #1 (marian-nmt/marian#223)
    @Test
    void manyItemsAreTheItemsRunOrKept() {
        String first = firstLine("I am not able to translate German to English when the input consists of as few as "
                + "20k sentences.");
        assertTrue(first.contains("how many items go through at once or stay on the GPU afterwards (20k)"), first);
    }

    // a bare paste has no prose of its own: nothing is named before the report
    @Test
    void aBarePasteNamesNoQuantity() {
        assertEquals(java.util.Optional.empty(), InputScales.of(FailureLead.prose("torch.OutOfMemoryError: CUDA out "
                + "of memory. Tried to allocate 2.00 GiB (GPU 0; 23.65 GiB total capacity)")));
    }
}
