package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * diag34: corpus_heldout32's writer labelled most reports with generic entries only (M2, M3, M4), where every
 * earlier split names the entry about the labelled cause; its labels were completed (README of that folder). This
 * keeps them complete: each report of these categories names the cause's entry among its KB ids.
 */
class HeldOutThirtyTwoKbLabelsTest {
    private static final Map<String, String> CAUSE_ENTRY = Map.of("activations_batch", "M5", "eval_accumulation",
            "M15", "host_ram_oom", "U9", "leak_held_references", "M20", "attention_seq_len", "M11",
            "other_process_or_zombie", "U10", "model_too_large", "M1", "fragmentation", "M8");

    @Test
    void everyReportOfACauseWithItsOwnEntryNamesThatEntry() {
        var lacking = Corpus.heldout32().stream().filter(c -> CAUSE_ENTRY.containsKey(c.category()))
                .filter(c -> !c.kb().contains(CAUSE_ENTRY.get(c.category()))).map(Case::id).toList();
        assertEquals(java.util.List.of(), lacking);
    }
}
