package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * A setting that gives an image's side (YOLO's imgsz) changes the pixels by the square of its ratio: 768 to 1024 is
 * ×1.33 a side and ×1.78 the pixels. Real turn of conversations_heldout23 (burned, read by conv19a).
 */
class ImageSideSettingTest {
    /** github.com/abdubakr77/dental-xray-ai/issues/6: imgsz 768 to 1024 with batch 16 to 8. */
    @Test
    void anImageSizeSettingScalesThePixelsByItsSquare() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout23"), "P43-dental-xray-imgsz-1024-batch-8.txt", 2,
                "scale by its square, ×1.78");
    }
}
