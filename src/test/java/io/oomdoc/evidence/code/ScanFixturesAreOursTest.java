package io.oomdoc.evidence.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 17's repository rule, kept: third-party code stays out of our commits. The scanner sets under
 * src/test/resources hold labels only; the code the scanner tests read is scan_patterns, written by us, each file
 * naming the real case it models and each case folder labelled.
 */
class ScanFixturesAreOursTest {
    private static final Path RES = Path.of("src/test/resources");
    private static final Path OURS = RES.resolve("scan_patterns");

    private static List<Path> code(Path under) throws Exception {
        try (Stream<Path> s = Files.walk(under)) {
            return s.filter(p -> p.toString().endsWith(".py") || p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void noCodeUnderTheScannerSetsButOurOwnFixtures() throws Exception {
        List<String> foreign = code(RES).stream().map(p -> RES.relativize(p).toString().replace('\\', '/'))
                .filter(p -> p.startsWith("scan_") && !p.startsWith("scan_patterns/")).toList();
        assertEquals(List.of(), foreign, "code under a scanner set: write a fixture in scan_patterns instead");
    }

    @Test
    void everyFixtureNamesTheCaseItModelsInItsFirstLine() throws Exception {
        List<String> unnamed = new java.util.ArrayList<>();
        for (Path p : code(OURS)) {
            String first;
            if (p.toString().endsWith(".ipynb")) {
                JsonNode cell = new ObjectMapper().readTree(p.toFile()).path("cells").path(0);
                first = cell.path("cell_type").asText().equals("markdown") ? cell.path("source").path(0).asText() : "";
            } else {
                first = Files.readAllLines(p).get(0);
            }
            if (!first.strip().matches("(# )?Models:? .*")) unnamed.add(OURS.relativize(p).toString());
        }
        assertEquals(List.of(), unnamed);
    }

    @Test
    void everyCaseFolderIsLabelledWithTheRepositoryItModels() throws Exception {
        Set<String> folders = new TreeSet<>(), labelled = new TreeSet<>();
        try (Stream<Path> s = Files.list(OURS)) {
            s.filter(Files::isDirectory).forEach(d -> folders.add(d.getFileName().toString()));
        }
        for (JsonNode c : new ObjectMapper().readTree(OURS.resolve("labels.json").toFile())) {
            labelled.add(c.path("case").asText());
            assertFalse(c.path("models").path("repo").asText().isBlank(), c.path("case").asText());
        }
        assertEquals(folders, labelled);
    }
}
