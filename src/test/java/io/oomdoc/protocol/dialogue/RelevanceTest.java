package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Category;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** dialogue/addresses.tsv: every cause has a row, every key is a fact key a change can carry. */
class RelevanceTest {
    @Test
    void everyCategoryHasARow() {
        Arrays.stream(Category.values()).map(Category::json).forEach(id ->
                assertTrue(Relevance.table().containsKey(id), "no row for " + id));
    }

    @Test
    void everyKeyIsAFactKey() {
        var keys = java.util.Set.of("batch", "seq", "checkpointing", "attention", "precision", "optimizer", "zero",
                "lora", "quant", "gpus", "lora_rank", "gpu", "gpu_mem");
        Relevance.table().values().forEach(set -> set.forEach(k -> assertTrue(keys.contains(k), k)));
    }

    @Test
    void topicKeywordsMatchWholeWordsOnly() {
        assertFalse(Topics.containsWord("cap the max length per sample", "amp"));
        assertTrue(Topics.containsWord("does amp help", "amp"));
        assertTrue(Topics.containsWord("how many gpu blocks", "gpu block"));
    }
}
