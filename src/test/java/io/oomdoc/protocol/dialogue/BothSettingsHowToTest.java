package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "how do I pass both to vllm serve?" after turns about --max-model-len and --max-num-seqs points back at both
 * settings: the answer is the engine's memory flags, not a topic found by the words "vllm serve". Turn 4 of the
 * burned set 26's conversation from github.com/ogx-ai/ogx-demos/pull/276 (P05-ogx-l4-vllm-110k-context.txt).
 */
class BothSettingsHowToTest {
    private static final Path SET26 = Path.of("src/test/resources/conversations_heldout26");

    @Test
    void bothPointsBackAtTheSettingsOfTheTurnsBefore() {
        var v = CaseFiguresTest.turn(SET26, "P05-ogx-l4-vllm-110k-context.txt", 4);
        assertTrue(v.output().contains("--max-model-len") && v.output().contains("--max-num-seqs"), v.output());
    }
}
