package io.oomdoc.evidence.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scanner on scan_patterns, the fixtures we wrote after real cases (labels.json names each case): the default
 * rules report exactly the labelled findings of their rules, and every rule on reports every labelled finding and
 * nothing a reader would not accept. The set pins behaviours; it measures nothing in the wild (its README.md).
 */
class ScannerOnDevCasesTest {
    private static String key(String c, JsonNode f) {
        return c + "/" + f.path("file").asText() + ":" + f.path("line").asInt() + " " + f.path("rule").asText();
    }

    private static String key(String c, Finding f) { return c + "/" + f.file() + ":" + f.line() + " " + f.rule(); }

    @Test
    void theDefaultRulesReportExactlyTheLabelledFindings() throws Exception {
        Set<String> expected = new TreeSet<>(), reported = new TreeSet<>();
        PythonScanner scanner = new PythonScanner();
        for (JsonNode c : new ObjectMapper().readTree(Fixtures.text("scan_patterns/labels.json"))) {
            String name = c.path("case").asText();
            for (JsonNode f : c.path("findings")) {
                if (Rules.DEFAULT.stream().anyMatch(r -> r.id().equals(f.path("rule").asText()))) {
                    expected.add(key(name, f));
                }
            }
            for (Finding f : scanner.scan(Fixtures.path("scan_patterns/" + name)).findings()) {
                reported.add(key(name, f));
            }
        }
        assertTrue(expected.size() >= 20, "too few labelled findings to say anything: " + expected.size());
        assertEquals(expected, reported);
    }

    @Test
    void everyRuleOnReportsEveryLabelledFindingAndOnlyWhatAReaderAccepts() throws Exception {
        Set<String> labelled = new TreeSet<>(), allowed = new TreeSet<>(), extra = new TreeSet<>();
        PythonScanner scanner = new PythonScanner(Rules.ALL);
        for (JsonNode c : new ObjectMapper().readTree(Fixtures.text("scan_patterns/labels.json"))) {
            String name = c.path("case").asText();
            for (JsonNode f : c.path("findings")) labelled.add(key(name, f));
            for (JsonNode f : c.path("acceptable")) allowed.add(key(name, f));
            for (Finding f : scanner.scan(Fixtures.path("scan_patterns/" + name)).findings()) {
                if (!labelled.remove(key(name, f)) && !allowed.contains(key(name, f))) extra.add(key(name, f));
            }
        }
        assertEquals(Set.of(), labelled, "labelled findings that every rule on does not report");
        assertEquals(Set.of(), extra, "findings no reader accepts");
    }
}
