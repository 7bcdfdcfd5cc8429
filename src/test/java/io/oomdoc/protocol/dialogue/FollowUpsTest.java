package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Follow-ups on the failure held are answered from its own figures. */
class FollowUpsTest {
    /** starVLA/starVLA#23: a trace cut after the allocated figure, so the reserved figures are missing. */
    private static final String CUT_TRACE = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 11.50 GiB."
            + " GPU 0 has a total capacity of 23.51 GiB of which 9.38 GiB is free. Including non-PyTorch memory, this"
            + " process has 13.70 GiB memory in use. Of the allocated memory 13.03 GiB is allocated by PyTorch...";

    @Test
    void expandableSegmentsCannotHelpARequestAboveWhatTheCardHasFree() {
        Conversation c = new Conversation();
        c.respond("I'm trying to train QwenGR00T on a single RTX 4090 (24GB VRAM). it fails during"
                + " accelerator.prepare(*components):\n" + CUT_TRACE);
        Answer a = c.respond("I already set PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True, why didn't that help?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().contains("11.50 GiB") && a.text().contains("9.38 GiB"), a.text());
        assertTrue(a.text().contains("cannot make the missing memory"), a.text());
    }
}
