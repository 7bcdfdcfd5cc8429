package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Sizes an expert computes from a count of images or a tensor's shape before answering in words. */
class ImageSetsTest {
    /** NVlabs/svraster#7: 800 images at 4k loaded as float tensors were killed on a 64 GB machine. */
    private static final String SVRASTER = "I trained on a small dataset of 200 images at 4k resolution and it was"
            + " fine. with 800 images, after the data is loaded I get \"Killed\", although I already pass"
            + " --data_device cpu. my computer: RTX 3090, 64GB RAM, 8TB HDD.";
    /** keras-team/keras#9643: TensorFlow's allocation failure names the tensor's shape and no type (float32). */
    private static final String KERAS = "ResourceExhaustedError: OOM when allocating tensor with shape[128,128,109,109]"
            + " and type float on /job:localhost/replica:0/task:0/device:GPU:1 by allocator GPU_1_bfc";

    private static String computed(String text, String context) {
        return Calculations.of(text, text + "\n" + context, io.oomdoc.protocol.Facts.EMPTY);
    }

    @Test
    void aCountOfImagesAtANamedResolutionIsSizedAsFloatTensors() {
        String s = computed("how much RAM do 800 4k images take once they are float tensors", "");
        assertTrue(s.contains("79.6 GB"), s);
        assertTrue(s.contains("19.9 GB"), s); // the same pixels as uint8
    }

    @Test
    void aNewResolutionResizesTheLargestCountOfImagesSaidEarlier() {
        String s = computed("what if I downscale them to 1920x1080 first", SVRASTER);
        assertTrue(s.contains("1920 × 1080") && s.contains("19.9 GB"), s);
    }

    @Test
    void thatTensorIsTheShapeOfTheFailureHeld() {
        String s = computed("how big is that one tensor", KERAS);
        assertTrue(s.contains("742.56 MiB") || s.contains("742.57 MiB"), s);
    }

    @Test
    void aNewBatchResizesTheHeldShapeByItsFirstDimension() {
        String s = computed("what if the per-replica batch is 64", KERAS);
        assertTrue(s.contains("128 → 64") && s.contains("371.28 MiB"), s);
    }

    @Test
    void aSingleImageOrNoResolutionComputesNothing() {
        assertNull(ImageSets.of(new Calculations.Ask("one 4k image is fine", "", io.oomdoc.protocol.Facts.EMPTY)));
        assertNull(ImageSets.of(new Calculations.Ask("800 images are loaded", "", io.oomdoc.protocol.Facts.EMPTY)));
    }
}
