package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A KV cache sized from the dimensions the user quotes from a config (layers, KV heads, head dim, the value type),
 * when no catalog model is named. The turn is from the burned held-out set 18 (scored once, development data since).
 */
class KvCacheDimensionsTest {
    /** github.com/fishaudio/fish-speech/pull/1306: 36 layers × 8 KV heads × head dim 128 in bf16 at 32768 is 4.5 GiB. */
    @Test
    void quotedDimensionsSizeTheCache() {
        var v = turn(Path.of("src/test/resources/conversations_heldout18"), "P21-fish-speech-s2-pro-t4-kv-cache.txt", 2);
        assertTrue(v.output().contains("= 144 KiB per token; 32,768 tokens take 4.5 GiB per sequence"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/argilla-io/distilabel/issues/593 (#4, burned set 21): "and with n_ctx 131072?" after "22 layers
     * offloaded ... 4 KV heads of dim 64, fp16 cache" two turns before: those dimensions size the longer cache.
     */
    @Test
    void dimensionsQuotedTurnsBeforeSizeALaterLength() {
        var v = turn(Path.of("src/test/resources/conversations_heldout21"), "P34-distilabel-llamacpp-n-ctx-metal.txt",
                4);
        assertTrue(v.output().contains("= 22 KiB per token; 131,072 tokens take 2.75 GiB per sequence"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** Without all three dimensions nothing is sized from them. */
    @Test
    void aMissingDimensionSizesNothing() {
        String q = "the cache is 36 layers x 8 KV heads in bf16 for 32768 tokens. how big is that?";
        assertNull(KvCache.of(new Calculations.Ask(q, q, Facts.EMPTY)));
    }
}
