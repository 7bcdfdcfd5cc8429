package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * A vision transformer's tokens are its patches: (side / patch) squared, plus a ViT's class token, and attention over
 * them grows with their square. Real turns of conversations_heldout22 and 23 (burned, read by conv19a).
 */
class PatchTokensTest {
    /** github.com/CrossmodalGroup/LAPS/issues/8: vit_base_384 against vit_base (224), patch 16. */
    @Test
    void threeEightyFourAgainstTwoTwentyFourInSixteenPixelPatches() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout23"), "P23-laps-vit-base-384-batch-8.txt", 2,
                "577 tokens with the class token");
    }

    /** github.com/gmberton/deep-visual-geo-localization-benchmark/issues/21: ViT-B/16, the patch read from its name. */
    @Test
    void thePatchIsReadFromTheModelsName() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout23"), "P22-vg-benchmark-vit-384-triplets.txt", 4,
                "196 patches");
    }

    /** github.com/zjysteven/lmms-finetune/issues/66: Qwen2-VL takes one token per 28x28 pixels. */
    @Test
    void qwenTwoVlTakesOneTokenPerTwentyEightPixelSquare() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout22"), "P08-lmms-finetune-qwen2vl-multi-image.txt",
                2, "1,337.5 tokens");
    }
}
