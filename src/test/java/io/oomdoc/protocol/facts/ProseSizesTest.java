package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Sizes told in prose by users of research code, who write no trace: what the run ran out of is the card, a French
 * "go" is a gigabyte, and the memory of a computer or an operating system is host RAM, not the card. The turns are
 * real users' own, from the burned conversation set 27 (fixture, turn and thread named on each test).
 */
class ProseSizesTest {
    private static Facts read(String turn) { return FactReader.read(turn).asserted(); }

    // conversations_heldout27/P21-e-d3dgs-32g-gaussian-count.txt #1 (JeongminB/E-D3DGS#7)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void theMemoryARunRanOutOfIsTheCard() {
        assertEquals(32 * Bytes.GIB, read("Hello, I ran out of 32G memory during the training. I want to know how much "
                + "memory is needed for the complete training.").gpuMemBytes());
    }

    // conversations_heldout27/P06-pyramidflow-vae-24gb.txt #1 (kijai/ComfyUI-PyramidFlowWrapper#1)
    @Test
    void frenchGigaOctetsAreGigabytes() {
        assertEquals(24 * Bytes.GIB, read("I just tried and the vae cause a OOM even with 24go of vram").gpuMemBytes());
    }

    // conversations_heldout27/P17-deepdiscovery-1070-volume.txt #1 (robb-brown/DeepDiscovery#2)
    @Test
    void theSizeAnOperatingSystemRunsWithIsHostRam() {
        Facts f = read("it failed for Out of RAM issue.\nI was using a 8GB 1070GTX on Windows 64 with 32GB");
        assertEquals(32 * Bytes.GIB, f.hostRamBytes());
        assertEquals(8 * Bytes.GIB, f.gpuMemBytes());
    }

    // conversations_heldout27/P17-deepdiscovery-1070-volume.txt #1 (robb-brown/DeepDiscovery#2)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCardWithItsBrandAfterTheNumberIsNamed() {
        assertEquals("GeForce GTX 1070", read("I was using a 8GB 1070GTX on Windows 64").gpuName());
    }

    // conversations_heldout27/P24-semseg-resnet101-1050ti.txt #1 (WillBrennan/SemanticSegmentation#8)
    @Test
    void aBareNumberOfRamIsItsGigabytes() {
        Facts f = read("I have 4Gb of GPU and 12 of ram, so actually memory shouldn't be a problem I think.");
        assertEquals(12 * Bytes.GIB, f.hostRamBytes());
        assertEquals(4 * Bytes.GIB, f.gpuMemBytes());
    }

    // conversations_heldout27/P28-fcdensenet103-168960-tensor.txt #1 (GeorgeSeif/Semantic-Segmentation-Suite#8)
    @Test
    void theMemoryOfAComputerWithoutAGpuIsHostRam() {
        var c = new io.oomdoc.protocol.dialogue.Conversation();
        c.respond("Hello, I executed your interesting repository in my computer, but after some minutes I get error:\n"
                + "ResourceExhaustedError (see above for traceback): OOM when allocating tensor with shape[1,168960,2160]"
                + "\nDo you think it depends on my computer that has only 4GB and hasn't a GPU?");
        assertEquals(4 * Bytes.GIB, c.facts().hostRamBytes());
        assertNull(c.facts().gpuMemBytes());
    }
}
