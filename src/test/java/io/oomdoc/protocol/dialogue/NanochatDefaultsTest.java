package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Which --device-batch-size for nanochat depth N on this card?" (seed 001, the nanochat helper the product grew
 * from; issue 13 names the question): nanochat's own script fixes the row length (2048) and the tokens per step
 * (524,288), so the answer is a device batch and its accumulation, not a question about the length, and the device
 * batch is any whose rows divide the step over the GPUs, not a divisor of 32 samples spread over 8 cards.
 */
class NanochatDefaultsTest {
    private static String ask(String q) { return new Conversation().respond(q).text(); }

    @Test
    void aDepthAndACardGetADeviceBatchNotAQuestion() {
        String s = ask("which --device-batch-size should I use for nanochat depth 26 on 8x H100 80GB?");
        assertTrue(s.startsWith("--device-batch-size="), s);
        assertFalse(s.contains("What sequence length"), s);
    }

    @Test
    void theDefaultsTakenAreSaid() {
        String s = ask("which --device-batch-size should I use for nanochat depth 26 on 8x H100 80GB?");
        assertTrue(s.contains("rows of 2048 tokens"), s);
    }

    @Test
    void theAccumulationKeepsTheTokensPerStepOverEightGpus() {
        String s = ask("which --device-batch-size should I use for nanochat depth 26 on 8x H100 80GB?");
        int b = Integer.parseInt(s.replaceFirst("(?s)^--device-batch-size=(\\d+).*", "$1"));
        assertTrue(b >= 8, "a micro-batch over 8 GPUs is not a share of 32 samples: " + s);
        assertTrue(s.contains("accumulates " + 524_288 / (b * 2048 * 8) + " steps"), s);
    }

    @Test
    void aLengthTheUserStatesIsKept() {
        String s = ask("which --device-batch-size for nanochat d20 on one RTX 4090 with --max-seq-len 1024");
        assertTrue(s.contains("seq 1024"), s);
        assertFalse(s.contains("rows of 2048 tokens"), s);
    }
}
