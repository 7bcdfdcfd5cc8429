package io.oomdoc.evidence.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The labelled files of scan_dev2 (real files of public repositories, see labels.json for URL and commit): on the
 * repositories of the dev split, what the default rules report is exactly what a reader judged true. The test
 * split is kept for measuring (bench/run.sh DevSetBench), not asserted here.
 */
class ScannerOnDevSetTest {
    private static final Path DIR = Path.of("src/test/resources/scan_dev2");

    @Test
    void theDefaultRulesReportExactlyTheLabelledFindingsOfTheDevRepositories() throws Exception {
        JsonNode labels = new ObjectMapper().readTree(DIR.resolve("labels.json").toFile());
        Set<String> repos = new TreeSet<>(), expected = new TreeSet<>(), reported = new TreeSet<>();
        for (JsonNode e : labels) {
            if (!e.get("split").asText().equals("dev")) continue;
            String repo = e.get("repo").asText().replace('/', '+');
            repos.add(repo);
            for (JsonNode f : e.get("findings")) {
                expected.add(repo + "/" + e.get("path").asText() + ":" + f.get("line").asInt() + " "
                        + f.get("rule").asText());
            }
        }
        for (String repo : repos) {
            for (Finding f : new PythonScanner().scan(DIR.resolve(repo)).findings()) {
                reported.add(repo + "/" + f.file() + ":" + f.line() + " " + f.rule());
            }
        }
        assertEquals(expected, reported);
    }
}
