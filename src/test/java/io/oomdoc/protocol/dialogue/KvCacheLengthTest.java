package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lengths a serving engine sizes its KV cache for, computed with the model held. */
class KvCacheLengthTest {
    /**
     * github.com/huggingface/text-generation-inference/issues/2160: TGI sizes the cache for --max-batch-total-tokens;
     * 100,000 tokens of llama-3-8b are 12.2 GiB.
     */
    @Test
    void tgisTotalTokensAreTheCachesLength() {
        var v = turn("K24-tgi-llama3-8b-a100-prefill-tokens-kv-per-token.txt", 3);
        assertTrue(v.output().contains("128 KiB per token; 100,000 tokens take 12.2 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/LAION-AI/Open-Assistant/pull/2411: "with 60 layers and hidden size 6656, and for a full 2048-token
     * sequence": the hidden size is the model's shape, 2048 the length (burned held-out set 17).
     */
    @Test
    void aHiddenSizeNamedBeforeTheLengthIsNotTheLength() {
        var v = CaseFiguresTest.turn(java.nio.file.Path.of("src/test/resources/conversations_heldout17"),
                "P41-open-assistant-llama-30b-max-tokens-1792.txt", 2);
        assertTrue(v.output().contains("2,048 tokens take 3.05 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
