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
 * The form every blind measured set keeps (src/test/resources/budget/measured_heldoutN.json, made by
 * make_measured_heldoutN.py, written blind): a source, a figure or outcome and a setup the bench reads in every
 * record, all five families, unique ids, one page per source key and no page an earlier set cited. What the engine
 * predicts for the set is never looked at here: it is only scored, by BudgetBench --heldoutN.
 */
abstract class MeasuredSetFormChecks {
    private static final Path DIR = MeasuredRecords.DIR;
    private static final Set<String> FAMILIES = MeasuredRecords.FAMILIES;
    private final Path set;
    private final String split;

    /** {@code split}: the set's name in its records and its file (heldout5 for measured_heldout5.json). */
    MeasuredSetFormChecks(String split) {
        this.split = split;
        this.set = DIR.resolve("measured_" + split + ".json");
    }

    Path set() { return set; }

    /** How many records the set must hold: 40 for a finished set; an unfinished one states what it delivered. */
    int minimumRecords() { return 40; }

    static List<JsonNode> records(Path file) throws IOException {
        return MeasuredRecords.of(file);
    }

    @Test
    void everyRecordHasASourceAFigureOrOutcomeAndASetupTheBenchReads() throws IOException {
        List<JsonNode> all = records(set);
        assertTrue(all.size() >= minimumRecords(), "only " + all.size() + " records");
        for (JsonNode r : all) {
            String id = r.path("id").asText();
            assertEquals(split, r.path("split").asText(), id);
            assertTrue(r.path("source").asText().startsWith("https://"), id + ": source URL");
            assertTrue(FAMILIES.contains(r.path("family").asText()), id + ": family " + r.path("family"));
            assertTrue(r.path("seq").asInt() > 0 && r.path("batch").asInt() > 0, id + ": seq and batch");
            assertTrue(r.path("gpus").asInt() > 0, id + ": gpus");
            JsonNode arch = r.path("arch");
            for (String dim : List.of("layers", "hidden", "heads", "kv_heads", "ffn", "vocab")) {
                assertTrue(arch.path(dim).asInt() > 0, id + ": arch." + dim);
            }
            assertTrue(arch.path("params").asLong() > 0, id + ": arch.params");
            assertFalse(arch.path("_provenance").asText().isBlank(), id + ": where the shape comes from");
            for (String field : List.of("model", "method", "precision", "quant", "sharding", "table", "measured_as",
                    "measured_how", "notes")) {
                assertFalse(r.path(field).asText().isBlank(), id + ": " + field);
            }
            String outcome = r.path("outcome").asText();
            if (outcome.equals("fit")) {
                // a fit either carries its peak or is a published fit on a named card
                assertTrue(r.path("measured_bytes").asLong() > 0 || !r.path("gpu").asText().isBlank(),
                        id + ": a fit keeps its peak or its card");
            } else {
                assertEquals("oom", outcome, id);
                assertTrue(r.path("measured_bytes").isNull(), id + ": an OOM has no peak");
                assertFalse(r.path("gpu").asText().isBlank(), id + ": an OOM names its card");
            }
        }
    }

    @Test
    void everyFamilyIsPresent() throws IOException {
        Set<String> seen = new HashSet<>();
        for (JsonNode r : records(set)) seen.add(r.path("family").asText());
        assertEquals(FAMILIES, seen);
    }

    @Test
    void idsAreUnique() throws IOException {
        Set<String> seen = new HashSet<>();
        for (JsonNode r : records(set)) assertTrue(seen.add(r.path("id").asText()), "twice: " + r.path("id"));
    }

    @Test
    void eachSourceKeyNamesOnePageAndFivePagesAtLeast() throws IOException {
        Map<String, String> pageOfKey = new HashMap<>();
        Map<String, String> keyOfPage = new HashMap<>();
        for (JsonNode r : records(set)) {
            String key = r.path("source_key").asText(), page = r.path("source").asText();
            assertEquals(pageOfKey.computeIfAbsent(key, k -> page), page, "key " + key + " names two pages");
            assertEquals(keyOfPage.computeIfAbsent(page, p -> key), key, "page " + page + " has two keys");
        }
        assertTrue(pageOfKey.size() >= 5, "only " + pageOfKey.size() + " sources");
    }

    @Test
    void noPageOrKeyIsCitedByAnEarlierMeasuredSet() throws IOException {
        Set<String> earlier = new HashSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("measured_.*\\.json"))
                    // the round-12 H200 check set is scored blind and cites this project's own grid, no web page
                    .filter(p -> !p.equals(set) && !p.getFileName().toString().contains("h200_check3")).toList()) {
                for (JsonNode r : records(f)) {
                    earlier.add(page(r.path("source").asText()));
                    earlier.add("key:" + r.path("source_key").asText());
                }
            }
        }
        assertTrue(earlier.size() > 20, "the earlier sets were not read");
        for (JsonNode r : records(set)) {
            assertFalse(earlier.contains(page(r.path("source").asText())), r.path("id") + " reuses its page");
            assertFalse(earlier.contains("key:" + r.path("source_key").asText()), r.path("id") + " reuses its key");
        }
    }

    /** The page a source URL names: anchor and pinned commit dropped, so one page cited twice is one page. */
    private static String page(String url) {
        int hash = url.indexOf('#');
        String u = hash < 0 ? url : url.substring(0, hash);
        return u.replaceFirst("/blob/[0-9a-f]{40}/", "/blob/main/")
                .replaceFirst("/tree/[0-9a-f]{7,40}/", "/tree/main/");
    }
}
