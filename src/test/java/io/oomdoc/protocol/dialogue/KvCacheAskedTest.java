package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KV cache for the length and the sequences the question asks, from the type it starts from. Turns quoted from
 * the burned held-out sets 8, 11 and 30 (scored blind once, development data since).
 */
class KvCacheAskedTest {
    /**
     * I48 (github.com/ggml-org/llama.cpp/issues/6668) turn 4: "by default I'd only get 512 tokens. what would 4096
     * tokens of KV cache cost?": the question's length, not the one quoted before it.
     */
    @Test
    void theLengthIsTheQuestionsOwn() {
        String q = "he also says my command has no --ctx-size, so by default I'd only get 512 tokens. what would 4096 "
                + "tokens of KV cache cost on this model?";
        String s = Calculations.of(q, q, Facts.EMPTY.with(b -> b.model("command-r-plus")));
        assertTrue(s.contains("4,096 tokens take 1 GiB per sequence"), s);
    }

    /** L39 (github.com/ggml-org/llama.cpp/issues/16694) turn 4: "so at 32k tokens for 4 slots?", a cache each. */
    @Test
    void severalSequencesMultiplyTheCache() {
        String q = "so at 32k tokens for 4 slots?";
        String s = Calculations.of(q, q + "\nhow much KV does a Llama 3 8B need per token in f16?", Facts.EMPTY);
        assertTrue(s.contains("For 4 sequences of that length: 16 GiB."), s);
    }

    /** P14 (github.com/sammcj/gollama/pull/86) turn 3: q8_0 instead of q4_0 is 8.5 bits against 4.5, not 16. */
    @Test
    void aTypeChangeStartsFromTheTypeNamed() {
        String q = "and with the KV cache at q8_0 instead of q4_0?";
        String s = Calculations.of(q, q, Facts.EMPTY);
        assertTrue(s.contains("KV cache q4_0 → q8_0: ×1.89 (about double)"), s);
    }
}
