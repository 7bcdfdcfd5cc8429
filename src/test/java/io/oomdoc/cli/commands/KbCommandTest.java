package io.oomdoc.cli.commands;

import io.oomdoc.cli.Json;
import io.oomdoc.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** `oomdoc kb` returns a result record; the JSON contract of its three shapes stays as it was. */
class KbCommandTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @Test
    void aListingIsEveryEntryWithoutScores() {
        var r = (KbResult.Listing) KbCommand.find(kb, "");
        assertEquals(kb.all().size(), r.entries().size());
        assertFalse(Json.write(r.json()).contains("score"));
    }

    @Test
    void anIdShowsThatEntry() {
        assertEquals("M7", ((KbResult.Shown) KbCommand.find(kb, "m07")).entry().id());
    }

    @Test
    void wordsFindTheMatchingEntriesBestFirstWithScores() {
        var r = (KbResult.Found) KbCommand.find(kb, "gradient checkpointing");
        assertEquals("M7", r.hits().get(0).id());
        assertTrue(Json.write(r.json()).contains("\"score\""));
    }
}
