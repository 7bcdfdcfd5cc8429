package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KvCache's arithmetic piece by piece, without a conversation: the shape a question quotes, the length it asks about
 * and the figure per token. The wordings are those KvCache's own comments quote from threads (fish-speech #1306's
 * 36 layers × 8 KV heads × 128 in bf16, a 60-layer model with hidden size 6656 at 2048 tokens); each figure is
 * worked out in its comment.
 */
class KvCacheArithmeticTest {
    private static final String FISH = "the cache is 36 layers x 8 KV heads x head dim 128, K and V, in bf16";

    private static String asked(String text) { return KvCache.of(new Calculations.Ask(text, text, Facts.EMPTY)); }

    /** 2 × 36 × 8 × 128 × 2 bytes = 147,456 bytes = 144 KiB a token. */
    @Test
    void aQuotedShapeIsLayersKvHeadsHeadSizeAndBytes() {
        var d = KvCache.dimensions(FISH);
        assertEquals(new KvCache.Dimensions(36, 8, 128, 2), d);
        assertEquals(147_456, d.perToken());
    }

    @Test
    void theValueTypeNamedSetsTheBytes() {
        assertEquals(1, KvCache.dimensions(FISH.replace("bf16", "fp8")).bytes());
        assertEquals(4, KvCache.dimensions(FISH.replace("bf16", "fp32")).bytes());
    }

    /** Without grouped-query attention every attention head keeps its keys and values. */
    @Test
    void withoutGroupedQueryAttentionEveryHeadIsAKvHead() {
        var d = KvCache.dimensions("40 layers and 40 attention heads of 128, no grouped-query attention");
        assertEquals(new KvCache.Dimensions(40, 40, 128, 2), d);
        assertNull(KvCache.dimensions("40 layers and 40 attention heads of 128, grouped-query attention"));
    }

    @Test
    void aShapeWithoutItsHeadSizeIsNoShape() {
        assertNull(KvCache.dimensions("the cache is 36 layers x 8 KV heads in bf16"));
    }

    @Test
    void theLengthIsTheFirstNumberThatIsNotADimension() {
        assertEquals(2048, KvCache.lengthAsked("with 60 layers and hidden size 6656, and for a full 2048-token"
                + " sequence"));
        assertEquals(8192, KvCache.lengthAsked("and at 8k?"));
        assertEquals(256, KvCache.lengthAsked("at 256 tokens"));
        assertEquals(0, KvCache.lengthAsked("at 255 tokens"));
        assertEquals(0, KvCache.lengthAsked("with 4096 hidden and 32 layers"));
    }

    /** 2 × 40 × 40 × 128 × 2 bytes = 800 KiB a token; 1,000 tokens take 781 MiB. */
    @Test
    void aTokenOfAQuotedShapeIsSizedWhenNoLengthIsAsked() {
        assertEquals("KV cache from the dimensions given: 2 (keys and values) × 40 layers × 40 KV heads"
                + " × 128 dims × 2 B = 800 KiB per token (781 MiB per 1,000 tokens), kept for every token of every"
                + " sequence.",
                asked("40 layers and 40 attention heads of 128, no grouped-query attention: how much KV cache is one"
                        + " token?"));
    }

    /** 144 KiB × 32,768 tokens = 4.5 GiB. */
    @Test
    void aLengthAskedTimesTheQuotedShapeIsTheCache() {
        String s = asked(FISH + ", for max_seq_len 32768");
        assertTrue(s.endsWith("= 144 KiB per token; 32,768 tokens take 4.5 GiB per sequence."), s);
    }

    @Test
    void aLengthAfterACapIsTheCachesWhenTheTurnsBeforeAskedAboutIt() {
        String q = "what if i cap it at 32768";
        assertNull(KvCache.of(new Calculations.Ask(q, q, Facts.EMPTY)));
        String s = KvCache.of(new Calculations.Ask(q, FISH + ". how big is the kv cache?\n" + q, Facts.EMPTY));
        assertTrue(s.endsWith("32,768 tokens take 4.5 GiB per sequence."), s);
    }

    /**
     * Llama-3.1-70B (exllamav2 #677): 2 × 80 layers × 8 KV heads × 128 × 2 bytes = 320 KiB a token; 1,000 tokens
     * take 312.5 MiB, written 313.
     */
    @Test
    void aTokenOfACatalogModelIsSizedFromItsShape() {
        String s = asked("how much kv cache does one token of llama 3.1 70b take?");
        assertTrue(s.startsWith("KV cache of ") && s.contains("× 80 layers × 8 KV heads (of 64 query heads)"
                + " × 128 dims × 2 B = 320 KiB per token (313 MiB per 1,000 tokens)"), s);
    }

    /** An fp8 cache named in the turns before halves it: 160 KiB a token, 8,192 tokens 1.25 GiB. */
    @Test
    void anEightBitCacheNamedBeforeHalvesIt() {
        String q = "how big is the kv cache of llama 3.1 70b at 8192?";
        String s = KvCache.of(new Calculations.Ask(q, "vllm serve with --kv-cache-dtype fp8\n" + q, Facts.EMPTY));
        assertTrue(s.contains("× 1 B = 160 KiB per token; 8,192 tokens take 1.25 GiB"), s);
    }

    /** The model held from the turns before sizes a cache the turn names no model for. */
    @Test
    void theModelHeldSizesTheCacheWhenTheTurnNamesNone() {
        Facts held = Facts.builder().model("llama-3.1-70b").build();
        String s = KvCache.of(new Calculations.Ask("and the kv cache at 8192?", "and the kv cache at 8192?", held));
        assertTrue(s.contains("= 320 KiB per token; 8,192 tokens take 2.5 GiB"), s);
        assertNull(asked("and the kv cache at 8192?"));
    }

    @Test
    void noCacheWordNoCacheFigure() {
        assertNull(asked("36 layers x 8 key-value heads x head dim 128 in bf16 at 32768 tokens: how much memory?"));
    }
}
