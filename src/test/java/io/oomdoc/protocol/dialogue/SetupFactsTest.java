package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setup facts read from a real first message: the stack from what only it prints, the card from how people say it. */
class SetupFactsTest {
    /**
     * github.com/tensorflow/tensorflow/issues/58373: a paste of bfc_allocator.cc lines names no framework, but only
     * TensorFlow's allocator prints them (a JAX paste names jax, whose row comes first).
     */
    @Test
    void bfcAllocatorLinesAreTensorFlow() {
        var v = turn("J37-tensorflow-bfc-limit-high-batch-size.txt", 1);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
        Conversation c = new Conversation();
        c.respond("tf 2.3 on colab, allow_growth = True, still out of memory at batch 32");
        assertEquals("tensorflow", c.facts().framework());
    }

    /** github.com/XLabs-AI/x-flux-comfyui/issues/128: "my video memory is 8GB" is the card's size, said as video memory. */
    @Test
    void videoMemoryIsTheCardsSize() {
        var v = turn("J29-x-flux-comfyui-flux-8gb-no-offload.txt", 1);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
