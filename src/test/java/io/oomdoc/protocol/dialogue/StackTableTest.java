package io.oomdoc.protocol.dialogue;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.StackTable;
import io.oomdoc.protocol.Stacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * model/stacks.tsv is the one place a stack is declared: every row must be reached through the code that reads it,
 * by a real user's words (src/test/resources/stacks/phrasings.tsv) and, for a row with log marks, by a real
 * failure (stacks/failures.tsv, corpus cases).
 */
class StackTableTest {
    private static final Path DIR = Path.of("src/test/resources/stacks");

    @Test
    void everyStackIsNamedByARealUsersWords() throws IOException {
        Map<String, String> phrasings = rows("phrasings.tsv", 3);
        for (StackTable.Row row : StackTable.rows()) {
            String said = phrasings.get(row.name());
            assertNotNull(said, "no real phrasing for " + row.name() + " in stacks/phrasings.tsv");
            assertTrue(KnowledgeAnswers.namedStacks(said).contains(row.name()),
                    row.name() + " not named in: " + said);
        }
    }

    @Test
    void everyStackWithLogMarksIsTheStackOfARealFailure() throws IOException {
        Map<String, String> failures = rows("failures.tsv", 1);
        Map<String, Case> cases = Corpus.all().stream().collect(Collectors.toMap(Case::id, Function.identity()));
        for (StackTable.Row row : StackTable.rows()) {
            if (row.logged() == null) continue;
            String id = failures.get(row.name());
            assertNotNull(id, "no real failure for " + row.name() + " in stacks/failures.tsv");
            Case c = cases.get(id);
            Evidence e = new Diagnoser().evidence(LogText.of(c.paste()), c.context(), Facts.EMPTY, null, null, null,
                    new ArrayList<>());
            // a training row names the trainer of a training failure, not its stack
            assertEquals(row.name(), row.training() ? Stacks.trainer(e) : Stacks.of(e, Category.OTHER), id);
        }
    }

    @Test
    void theServingEnginesAreTheRowsOfKindServing() {
        List<String> serving = StackTable.rows().stream().filter(StackTable.Row::serving).map(StackTable.Row::name)
                .toList();
        assertEquals(List.of("vllm", "sglang", "tgi", "llamacpp"), serving);
        serving.forEach(s -> assertTrue(Stacks.serving(s), s));
        assertTrue(!Stacks.serving("hf-trainer"));
    }

    @Test
    void aQuestionCanNameEveryStackOfTheTableAndNoOther() {
        assertEquals(StackTable.rows().stream().map(StackTable.Row::name).toList(),
                List.copyOf(KnowledgeAnswers.stackNames()));
    }

    /** Column 0 (the stack) to column {@code col}, # comments skipped. */
    private static Map<String, String> rows(String file, int col) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve(file))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            out.put(cols[0], cols[col]);
        }
        return out;
    }
}
