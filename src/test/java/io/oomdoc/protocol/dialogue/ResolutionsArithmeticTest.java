package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resolutions on the question alone, without a conversation: which resolution is the one before the change and which
 * the one after, in the wordings Resolutions' own comments quote ("what if I drop to 768x768?", "train at 640 instead
 * of 1024", "from 1024 to 768", "how much bigger is 2048 than the default 640?"), and when a number is no image side.
 * Each ratio is the pixel counts' and is worked out in its comment.
 */
class ResolutionsArithmeticTest {
    private static String asked(String text) { return asked(text, ""); }

    /** The turns before, as Calculations passes them: the turn first, then what was said earlier. */
    private static String asked(String text, String earlier) {
        return Resolutions.of(new Calculations.Ask(text, text + earlier, Facts.EMPTY));
    }

    private static void changes(String line, String from, String to, String pixels) {
        assertTrue(line != null && line.startsWith("Resolution " + from + " → " + to + ":")
                && line.contains("scales ×" + pixels), line);
    }

    /** 768² / 1024² = 0.5625: the size before is the last one the conversation named. */
    @Test
    void aNewSizeIsComparedWithTheOneNamedBefore() {
        changes(asked("what if I drop to 768x768?", "\ntraining at 1024x1024 images"), "1024×1024", "768×768",
                "0.56");
    }

    /** The earlier size that differs from the new one: 768² / 1024² again. */
    @Test
    void theSizeBeforeIsOneThatDiffersFromTheNewOne() {
        changes(asked("what if I use 768x768?", "\n768x768 images, then 1024x1024"), "1024×1024", "768×768", "0.56");
    }

    /** 640² / 1024² = 0.39: "instead of" names the size before, a preposition makes a bare number a side. */
    @Test
    void theSizeAfterInsteadOfIsTheOneBefore() {
        changes(asked("train at 640 instead of 1024 for the yolo model"), "1024×1024", "640×640", "0.39");
    }

    @Test
    void fromOneSizeToAnotherIsTheChange() {
        changes(asked("what if I go from 1024 to 768 px images?"), "1024×1024", "768×768", "0.56");
    }

    /** 2048² / 640² = 10.24: two sizes compared need no change word. */
    @Test
    void twoSidesComparedAreAChangeFromTheSecond() {
        changes(asked("how much bigger is 2048 than the default 640 for the image?"), "640×640", "2048×2048",
                "10.24");
    }

    /** 1280 × 720 / (1920 × 1080) = 0.44: a video height implies its width. */
    @Test
    void aVideoHeightIsItsStandardFrame() {
        changes(asked("what if I switch to 720p instead of 1080p video?"), "1920×1080", "1280×720", "0.44");
    }

    /** 64 and 16,384 are the smallest and largest sides read: ×4 and ×0.25. */
    @Test
    void sidesFrom64To16384AreImageSides() {
        changes(asked("what if I go from 64x64 to 128x128 images?"), "64×64", "128×128", "4.00");
        changes(asked("what if I drop from 16384x16384 to 8192x8192 images?"), "16384×16384", "8192×8192", "0.25");
        assertNull(asked("what if I go from 32x32 to 128x128 images?"));
    }

    @Test
    void aLengthOrASizeWithoutAChangeIsNoResolutionChange() {
        assertNull(asked("what if I use a context of 512 instead of 1024"));
        assertNull(asked("what if the video has 512 tokens instead of 1024"));
        assertNull(asked("I train on 1024x1024 images"));
        assertNull(asked("what if I drop to 768x768?"));
    }
}
