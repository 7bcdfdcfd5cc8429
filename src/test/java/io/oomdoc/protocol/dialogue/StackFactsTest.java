package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack a failure comes from, read from what only that stack prints or names. */
class StackFactsTest {
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
}
