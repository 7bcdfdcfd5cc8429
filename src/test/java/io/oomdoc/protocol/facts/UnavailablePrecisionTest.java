package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A precision the user says is not available or not supported is not the one the run uses: the clause's negation
 * comes after the word ("bf16 isn't available, so I set dtype to fp32"). The turn is a real user's own, from the
 * burned conversation set 17 (the fixture and its thread named on the test).
 */
class UnavailablePrecisionTest {
    // conversations_heldout17/P42-whatsapp-ai-clone-torchtune-fp32-3090.txt #1 (kinggongzilla/whatsapp-ai-clone#9)
    @Test
    void aPrecisionThatIsNotAvailableIsNotThePrecisionUsed() {
        assertEquals("fp32", FactReader.read("fine-tuning Llama-3-8B-Instruct on my chats with this repo's torchtune "
                + "single-device LoRA recipe, on Windows with CUDA 11.8. it complained that bf16 isn't available, so I "
                + "set dtype to fp32, and now it runs out of VRAM.").asserted().precision());
    }
}
