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

    private static void volume(String line, String from, String to, String voxels) {
        assertTrue(line != null && line.startsWith("Volume " + from + " → " + to + ":")
                && line.contains("scales ×" + voxels), line);
    }

    /** 96³ / 128³ = 0.42: a 3-D patch's voxels scale with the cube of its side. */
    @Test
    void aCubeAfterACubeScalesByTheCube() {
        volume(asked("what if I go down to 96^3?", "\ntraining on 128^3 patches runs out of memory"), "128³", "96³",
                "0.42");
    }

    /** 64³ / 128³ = 0.125: the earliest volume is the setup's, the later one was a what-if too. */
    @Test
    void aFollowUpVolumeComparesWithTheSetups() {
        volume(asked("and 64^3?", "\nwhat if I go down to 96^3?\npatches of 128x128x128 fail"), "128³", "64³",
                "0.13");
    }

    /** 64×64×32 / 128³ = 0.0625: both volumes in the turn, the old one after "instead of", three sides each. */
    @Test
    void aVolumeInsteadOfAnotherNamesTheNewOneFirst() {
        volume(asked("what if I use 64x64x32 instead of 128^3?"), "128³", "64×64×32", "0.06");
    }

    /** "from A to B": the old volume first. */
    @Test
    void aVolumeFromOneToAnother() {
        volume(asked("what if I go from 128³ to 64³?"), "128³", "64³", "0.13");
    }

    @Test
    void aVolumeWithoutAnotherToCompareIsNoChange() {
        assertNull(asked("what if I go down to 96^3?"));
        assertNull(asked("what if I keep 128^3?", "\npatches of 128^3 fail"));
    }

    /** 3400×1600 / 576² = 16.40: "how many times more pixels" compares the turn's resolution with the other. */
    @Test
    void howManyTimesMorePixelsComparesTheTwoResolutions() {
        changes(asked("the paper used 576x576 inputs. how many times more pixels are mine?",
                "\nmy images are 3400x1600"), "576×576", "3400×1600", "16.40");
        assertNull(asked("how many times more pixels is that?", "\nmy images are 3400x1600"));
    }

    /** (512 / 768)² = 0.44: 从 (from) and 降到 (down to) around two sides in a Chinese question. */
    @Test
    void aChineseFromAndToIsAChange() {
        changes(asked("如果把处理分辨率从 768 降到 512 呢？"), "768×768", "512×512", "0.44");
    }
}
