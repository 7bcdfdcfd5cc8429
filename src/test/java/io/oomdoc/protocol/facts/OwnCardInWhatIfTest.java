package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** In a what-if the change is proposed; the card the user calls theirs is their setup (issue 13). */
class OwnCardInWhatIfTest {
    // conversations_heldout22/P42-yolov3-pytorch-1060-custom-training.txt #2 (BobLiu20/YOLOv3_PyTorch#41)
    @Test
    void theCardCalledMineInAWhatIfIsTheSetup() {
        var r = FactReader.read("a reply says batch 16 works on a 12 GB 1080 Ti at 416. what if I keep 416 and use "
                + "batch 6 on my 6 GB card?");
        assertEquals(6L << 30, r.asserted().gpuMemBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCardNamedWithoutMineStaysProposed() {
        assertNull(FactReader.read("what if I train it on an A100 80GB instead?").asserted().gpuMemBytes());
    }
}
