package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "A second 4090", "another A100": one card more than those held, and what that does for a serving engine. */
class MoreCardsTest {
    /**
     * vllm-project/vllm#10517: max_model_len 29000 above the 23,648 tokens the KV cache holds on a 23.58 GiB card. A
     * second card under tensor parallel splits the weights and leaves each card more room for the cache.
     */
    @Test
    void aSecondCardUnderTensorParallelActsOnAServingEnginesKvCache() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/vllm-10517-max-model-len-kv.txt"));
        String a = c.respond("would a second 4090 with tensor parallel help?").text();
        assertTrue(a.startsWith("Yes, it acts on what fails here"), a);
        assertTrue(a.contains("gpus 2"), a);
    }

    @Test
    void anotherCardOfTheKindHeldAddsOneToTheCountAndSwapsNoCard() {
        Facts held = Facts.builder().gpuName("A100 80GB").gpuMemBytes(80L << 30).worldSize(2).build();
        String text = "what if I add another A100 80GB?";
        FactExtractor.Reading read = MoreCards.onHeldCount(FactExtractor.read(text), text, held);
        assertEquals(3, read.hypothetical().worldSize(), read.hypothetical().asMap().toString());
        assertNull(read.hypothetical().gpuName(), "the card named is the one held, not a swap");
    }

    @Test
    void aTurnThatAddsNoCardIsLeftAsRead() {
        Facts held = Facts.builder().worldSize(1).build();
        String text = "what if I use two A100s instead?";
        FactExtractor.Reading read = FactExtractor.read(text);
        assertEquals(read, MoreCards.onHeldCount(read, text, held));
    }
}
