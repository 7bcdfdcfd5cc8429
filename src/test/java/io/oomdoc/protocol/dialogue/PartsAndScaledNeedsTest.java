package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * Figures that follow from what the user lists: the parts on one card added up (a range stays a range), and a need
 * measured at one image size carried to another by the ratio of the pixels. Real turns of conversations_heldout22
 * (burned, read by conv19a).
 */
class PartsAndScaledNeedsTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout22");

    /** github.com/ace-step/ACE-Step-1.5/issues/1192: DiT, text encoder, VAE, context and framework on an Orin Nano. */
    @Test
    void thePartsOnOneCardAddUpToARange() {
        holdsSaying(SET, "P30-ace-step-orin-nano-swap-696s.txt", 3, "= 5.9 to 6.4 GB");
    }

    /** github.com/VideoVerses/VideoVAEPlus/issues/3: the authors' 31 GB at 480x640, asked at 480x864. */
    @Test
    void aMeasuredNeedScalesWithThePixels() {
        holdsSaying(SET, "P09-videovae-plus-60gb-16-frames.txt", 2, "about 41.9 GB");
    }
}
