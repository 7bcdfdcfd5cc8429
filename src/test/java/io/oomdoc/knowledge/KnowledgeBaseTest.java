package io.oomdoc.knowledge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class KnowledgeBaseTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @Test
    void carriesEveryEntryFromM1ToM20AndU9ToU11() {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) expected.add("M" + i);
        expected.addAll(List.of("U9", "U10", "U11"));
        assertEquals(expected, kb.all().stream().map(KnowledgeEntry::id).toList());
    }

    @Test
    void everyEntryHasFixesVerificationAndSources() {
        for (KnowledgeEntry e : kb.all()) {
            assertFalse(e.fixes().isEmpty(), e.id());
            assertFalse(e.verification().isBlank(), e.id());
            assertFalse(e.sources().isEmpty(), e.id());
            assertFalse(e.categories().isEmpty(), e.id());
            for (String r : e.related()) assertTrue(kb.get(r).isPresent(), e.id() + " relates to unknown " + r);
        }
    }

    @Test
    void idsAreFoundWithOrWithoutZeroPadding() {
        assertEquals("M7", kb.get("m07").orElseThrow().id());
        assertEquals("U11", kb.get("U11").orElseThrow().id());
    }

    @Test
    void searchFindsTheEntryAUserMeans() {
        assertTop3("memory grows every epoch", "M20");
        assertTop3("expandable segments fragmentation", "M8");
        assertTop3("OOM only during validation", "M15");
        assertTop3("dataloader worker killed", "U9");
        assertTop3("nvidia-smi shows memory used but no process", "U11");
        assertTop3("fails on the second step after optimizer.step", "M17");
        assertTop3("how to finetune 70b on one gpu qlora", "M13");
        assertTop3("long context attention flash", "M11");
        assertTop3("CUDA OOM only when evaluating", "M15");
        assertTop3("why does my model that runs inference fail in training", "M1");
        assertTop3("OOM at a random step in the middle of the epoch", "M16");
        assertTop3("kill -9 left memory on the gpu", "U11");
    }

    private void assertTop3(String query, String id) {
        List<String> ids = kb.search(query, 3).stream().map(h -> h.entry().id()).toList();
        assertTrue(ids.contains(id), query + " → " + ids);
    }
}
