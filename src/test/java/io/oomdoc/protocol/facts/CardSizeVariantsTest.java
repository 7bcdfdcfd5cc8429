package io.oomdoc.protocol.facts;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which size of a card the user has: a laptop part's own size, the variant they say is theirs, and the capacity the
 * allocator printed when the catalog row of the card named is another size. The turns are real users' own, from the
 * burned conversation sets (fixture, turn and thread named on each test).
 */
class CardSizeVariantsTest {
    private static double gib(String turn) {
        return FactReader.read(turn).asserted().gpuMemBytes() / (double) Bytes.GIB;
    }

    // conversations_heldout/H08-ollama-gemma2-3050-4gb.txt #1 (ollama/ollama#5359)
    @Test
    void aMobilePartsSizeFollowsItsFormFactor() {
        assertEquals(4.0, gib("rtx 3050 mobile 4gb, 40gb ram, arch. mixtral 8x7b runs fine"), 0.01);
    }

    // conversations_heldout16/P12-huatuogpt-7b-16gb-laptop-4090.txt #1 (FreedomIntelligence/HuatuoGPT#7)
    @Test
    void aLaptopCardIsTheSizeItsTraceShows() {
        assertEquals(16.0, gib("inference of the 7B HuatuoGPT on a 16 GB laptop 4090 fails:\n"
                + "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 192.00 MiB (GPU 0; 15.99 GiB "
                + "total capacity; 15.08 GiB already allocated; 0 bytes free; 15.08 GiB reserved in total by PyTorch)"),
                0.1);
    }

    // conversations_heldout13/N11-whisper-docker-large-v3-vram-turbo.txt #3 (manzolo/openai-whisper-docker#3)
    @Test
    void theVersionTheUserSaysIsTheirsIsTheCard() {
        assertEquals(12.0, gib("correction: my A2000 is the 12 GB version, not 6"), 0.01);
    }
}
