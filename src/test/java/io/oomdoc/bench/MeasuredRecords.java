package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The records of a measured set (src/test/resources/budget/measured_*.json) as the form tests read them. */
final class MeasuredRecords {
    static final Path DIR = Path.of("src/test/resources/budget");
    /** The families BudgetBench reports separately. */
    static final Set<String> FAMILIES = Set.of("full", "lora", "qlora", "sharded", "inference");

    private MeasuredRecords() {}

    static List<JsonNode> of(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(file.toFile()).forEach(out::add);
        return out;
    }

    /** One record of measured_SET.json by its id: the published row a budget test pins. */
    static JsonNode byId(String set, String id) throws IOException {
        return of(DIR.resolve("measured_" + set + ".json")).stream().filter(r -> r.path("id").asText().equals(id))
                .findFirst().orElseThrow();
    }

    /** byId for a test's fixed records, the file's absence an unchecked failure (a test's set is always bundled). */
    static JsonNode record(String set, String id) {
        try {
            return byId(set, id);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
