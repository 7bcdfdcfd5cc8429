package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A type for the KV cache changes the cache, not the weights. */
class KvCacheTypesTest {
    /** github.com/ggml-org/llama.cpp/issues/23652: q8_0 for the cache is about half of f16's, weights unchanged. */
    @Test
    void aQuantizedCacheIsAboutHalfTheCacheAndLeavesTheWeights() {
        var v = turn("L40-llama-server-c-1024-without-np-context-exceeded.txt", 4);
        assertTrue(v.output().startsWith("KV cache f16 → q8_0: ×0.53 (about half)"), v.output());
        assertFalse(v.output().contains("(8-bit) ="), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** The lexicon: "q8_0 for the KV cache" and llama.cpp's cache flag are not the weights' quantization. */
    @Test
    void aCacheTypeIsNotTheWeightsQuantization() {
        for (String said : new String[] {"what if I use q8_0 for the KV cache?", "llama-server -ctk q4_0 -ctv q4_0",
            "vllm serve M --kv-cache-dtype fp8"}) {
            var r = FactExtractor.read(said);
            assertNull(r.asserted().merge(r.hypothetical()).quant(), said);
        }
    }
}
