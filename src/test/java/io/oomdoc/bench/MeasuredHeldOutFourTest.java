package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fourth held-out set of measured peaks (src/test/resources/budget/measured_heldout4.json, made by
 * make_measured_heldout4.py) keeps its form. What the engine predicts for it is never looked at here: the set is
 * only scored, by BudgetBench --heldout4.
 */
class MeasuredHeldOutFourTest {
    private static final Path DIR = MeasuredRecords.DIR;
    private static final Path SET = DIR.resolve("measured_heldout4.json");
    private static final Set<String> FAMILIES = MeasuredRecords.FAMILIES;

    private static List<JsonNode> records(Path file) throws IOException {
        return MeasuredRecords.of(file);
    }

    @Test
    void everyRecordCarriesTheSetupAndTheFigureTheBenchReads() throws IOException {
        List<JsonNode> set = records(SET);
        assertTrue(set.size() >= 30, "only " + set.size() + " records");
        for (JsonNode r : set) {
            String id = r.path("id").asText();
            assertEquals("heldout4", r.path("split").asText(), id);
            assertTrue(FAMILIES.contains(r.path("family").asText()), id + ": family " + r.path("family"));
            assertTrue(r.path("seq").asInt() > 0 && r.path("batch").asInt() > 0, id + ": seq and batch");
            assertTrue(r.path("arch").path("layers").asInt() > 0 && r.path("arch").path("params").asLong() > 0,
                    id + ": dimensions");
            for (String field : List.of("model", "precision", "table", "measured_as", "measured_how", "notes")) {
                assertFalse(r.path(field).asText().isBlank(), id + ": " + field);
            }
            String outcome = r.path("outcome").asText();
            if (outcome.equals("fit")) {
                assertTrue(r.path("measured_bytes").asLong() > 0, id + ": a fit keeps its measured peak");
            } else {
                assertEquals("oom", outcome, id);
                assertTrue(r.path("measured_bytes").isNull(), id + ": an OOM has no peak");
            }
        }
    }

    @Test
    void idsAreUnique() throws IOException {
        Set<String> seen = new HashSet<>();
        for (JsonNode r : records(SET)) assertTrue(seen.add(r.path("id").asText()), "twice: " + r.path("id"));
    }

    @Test
    void eachSourceKeyNamesOnePageAndSixPagesAtLeast() throws IOException {
        Map<String, String> pageOfKey = new HashMap<>();
        Map<String, String> keyOfPage = new HashMap<>();
        for (JsonNode r : records(SET)) {
            String key = r.path("source_key").asText(), page = r.path("source").asText();
            assertTrue(page.startsWith("https://"), r.path("id") + ": source " + page);
            assertEquals(pageOfKey.computeIfAbsent(key, k -> page), page, "key " + key + " names two pages");
            assertEquals(keyOfPage.computeIfAbsent(page, p -> key), key, "page " + page + " has two keys");
        }
        assertTrue(pageOfKey.size() >= 6, "only " + pageOfKey.size() + " sources");
    }

    @Test
    void noPageOrKeyIsCitedByAnEarlierMeasuredSet() throws IOException {
        Set<String> earlier = new HashSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("measured_.*\\.json"))
                    .filter(p -> !p.equals(SET)).toList()) {
                for (JsonNode r : records(f)) {
                    earlier.add(page(r.path("source").asText()));
                    earlier.add("key:" + r.path("source_key").asText());
                }
            }
        }
        assertTrue(earlier.size() > 20, "the earlier sets were not read");
        for (JsonNode r : records(SET)) {
            assertFalse(earlier.contains(page(r.path("source").asText())), r.path("id") + " reuses its page");
            assertFalse(earlier.contains("key:" + r.path("source_key").asText()), r.path("id") + " reuses its key");
        }
    }

    /** The page a source URL names: its anchor dropped, so one page cited at two anchors is one page. */
    private static String page(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
