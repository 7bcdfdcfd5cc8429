package io.oomdoc.evidence.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The scanner on real code with labeled findings (scan_dev): precision ≥ 0.9, recall ≥ 0.8, clean cases stay clean. */
class ScannerOnDevCasesTest {
    @Test
    void precisionAndRecallMeetTheTargets() throws Exception {
        JsonNode labels = new ObjectMapper().readTree(Fixtures.text("scan_dev/labels.json"));
        int tp = 0, fp = 0, fn = 0;
        List<String> problems = new ArrayList<>();
        PythonScanner scanner = new PythonScanner(Rules.ALL);
        for (JsonNode c : labels) {
            ScanResult r = scanner.scan(Fixtures.path("scan_dev/" + c.path("case").asText()));
            Set<String> required = new HashSet<>(), acceptable = new HashSet<>();
            for (JsonNode f : c.path("findings")) required.add(f.path("rule").asText() + "@" + f.path("line").asInt());
            for (JsonNode f : c.path("acceptable")) acceptable.add(f.path("rule").asText() + "@" + f.path("line").asInt());
            Set<String> matched = new HashSet<>();
            for (Finding f : r.findings()) {
                String key = f.rule() + "@" + f.line();
                if (required.contains(key)) { tp++; matched.add(key); }
                else if (!acceptable.contains(key)) { fp++; problems.add(c.path("case").asText() + " false alarm " + key); }
            }
            for (String k : required) if (!matched.contains(k)) { fn++; problems.add(c.path("case").asText() + " missed " + k); }
            if (c.path("clean").asBoolean()) assertTrue(r.findings().isEmpty(), c.path("case").asText() + " should be clean: " + r.findings());
        }
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp), recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        assertTrue(precision >= 0.9, "precision " + precision + " " + problems);
        assertTrue(recall >= 0.8, "recall " + recall + " " + problems);
    }
}
