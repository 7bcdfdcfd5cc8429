package io.oomdoc.protocol;

import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.knowledge.KnowledgeEntry;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registry test for model/category-kb.tsv, the one place a cause names its knowledge entries: a row naming an entry
 * that knowledge/ lacks, a cause without a row (or a row without a cause) and an entry no cause reaches all fail here.
 */
class CategoryKbTest {
    @Test
    void everyCauseHasExactlyOneRowAndEveryRowIsACause() {
        Set<String> causes = Arrays.stream(Category.values()).map(Category::json).collect(Collectors.toSet());
        assertEquals(causes, CategoryKb.bundled().keySet());
    }

    @Test
    void everyIdARowNamesIsABundledKnowledgeEntry() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        for (Category c : Category.values()) {
            assertTrue(!c.kb.isEmpty(), c.json());
            for (String id : c.kb) {
                assertEquals(id, kb.get(id).map(KnowledgeEntry::id).orElse(null), c.json() + " names " + id);
            }
        }
    }

    @Test
    void everyRoleTheFixLadderNamesIsARowOfBundledEntries() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        assertEquals(Set.of("serving", "app", "neighbours", "weights", "sharding", "figures", "micro_batch",
                "own_allocator"),
                CategoryKb.roles().keySet());
        for (var row : CategoryKb.roles().entrySet()) {
            assertTrue(!row.getValue().isEmpty(), row.getKey());
            for (String id : row.getValue()) {
                assertEquals(id, kb.get(id).map(KnowledgeEntry::id).orElse(null), "@" + row.getKey() + " names " + id);
            }
        }
        assertEquals(List.of("M9", "M10"), CategoryKb.role("sharding"));
        assertThrows(IllegalStateException.class, () -> CategoryKb.role("colour"));
    }

    @Test
    void everyKnowledgeEntryIsReachedFromSomeCause() {
        Set<String> named = new TreeSet<>();
        for (Category c : Category.values()) named.addAll(c.kb);
        List<String> unreached = KnowledgeBase.bundled().all().stream().map(KnowledgeEntry::id)
                .filter(id -> !named.contains(id)).toList();
        assertEquals(List.of(), unreached);
    }

    @Test
    void aCausesEntriesKeepTheTablesOrderWithTheReportsPrimaryFirst() {
        assertEquals(List.of("M8", "M18", "M2", "M16"), Category.FRAGMENTATION.kb);
        assertEquals(List.of("U9", "M3"), Category.HOST_RAM_OOM.kb);
    }

    @Test
    void aCauseIsLookedUpByItsJsonNameAndAnUnknownOneFailsAtStartUp() {
        assertEquals(List.of("U9", "M3"), CategoryKb.of("host_ram_oom"));
        assertThrows(IllegalStateException.class, () -> CategoryKb.of("colour"));
    }

    @Test
    void aCauseListedTwiceIsRejected() {
        assertThrows(IllegalStateException.class, () -> CategoryKb.parse("other\tM2\nother\tM3\n"));
    }

    @Test
    void aRowWithoutItsIdsIsRejected() {
        assertThrows(IllegalStateException.class, () -> CategoryKb.parse("other M2\n"));
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndIdsSplitOnCommas() {
        var rows = CategoryKb.parse("# a comment\n\nfragmentation\tM8, M18,M2\n");
        assertEquals(List.of("M8", "M18", "M2"), rows.get("fragmentation"));
        assertEquals(1, rows.size());
    }
}
