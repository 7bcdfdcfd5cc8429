package io.oomdoc.knowledge;

import io.oomdoc.util.Resources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * model/category-kb.tsv is the one place that says which entries belong to which cause: an entry's categories are
 * derived from its rows, and no knowledge file declares a list of its own.
 */
class CauseEntriesTest {
    @Test
    void anEntrysCategoriesAreTheCausesWhoseRowsNameIt() {
        // model/category-kb.tsv: longest_batch M16,M8,M11,M5 and fragmentation M8,M18,M2,M16
        assertEquals(List.of("longest_batch", "fragmentation"),
                KnowledgeBase.bundled().get("M16").orElseThrow().categories());
    }

    @Test
    void everyBundledEntryTakesItsCategoriesFromTheTable() {
        for (KnowledgeEntry e : KnowledgeBase.bundled().all()) {
            assertEquals(CauseEntries.causesOf(e.id()), e.categories(), e.id());
        }
    }

    @Test
    void aRoleRowIsNotACause() {
        // "@serving M11" names M11 by its part in the fix ladder: M11's causes are the four rows that list it
        assertEquals(List.of("longest_batch", "attention_seq_len", "library_workspace", "kv_cache_inference"),
                CauseEntries.causesOf("M11"));
    }

    @Test
    void noKnowledgeFileDeclaresItsOwnCategories() throws IOException {
        for (Resources.Doc d : Resources.readDir(Path.of("knowledge"))) {
            String frontMatter = KnowledgeBase.split(d.name(), d.text())[0];
            assertFalse(frontMatter.contains("categories:"), d.name() + ": model/category-kb.tsv says its causes");
        }
    }
}
