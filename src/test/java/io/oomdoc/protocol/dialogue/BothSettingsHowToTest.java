package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "how do I pass both to vllm serve?" after turns about --max-model-len and --max-num-seqs points back at both
 * settings: the answer is the engine's memory flags, not a topic found by the words "vllm serve". Turns 2 to 4 of the
 * burned set 26's conversation from github.com/ogx-ai/ogx-demos/pull/276 (P05-ogx-l4-vllm-110k-context.txt), played
 * without its first turn (a full report) to stay cheap.
 */
class BothSettingsHowToTest {
    @Test
    void bothPointsBackAtTheSettingsOfTheTurnsBefore() {
        Conversation c = new Conversation();
        c.respond("they propose lowering max-model-len to 32768. how much does that save?");
        c.respond("and max-num-seqs 8, what does that one change?");
        String answer = c.respond("how do I pass both to vllm serve?").text();
        assertTrue(answer.contains("--max-model-len") && answer.contains("--max-num-seqs"), answer);
    }
}
