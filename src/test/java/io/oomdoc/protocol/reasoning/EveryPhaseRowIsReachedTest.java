package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry check of model/phase-words.tsv: each row (a phase and the words a framework or a reporter uses for
 * it) is reached by a real report of the trainable (development) data, as the CLI reads it
 * (description, then paste), or by a trace fixture (traces/, sources in traces/SOURCES.md). A row no report
 * reaches was written for nothing the data holds.
 */
class EveryPhaseRowIsReachedTest {
    /**
     * Rows older than this test that no report it may read reaches (the final split is not read); a new row must be
     * reached by data.
     */
    private static final List<String> OLDER_UNREACHED = List.of("load model\\.cuda", "optimizer_step oom when");

    @Test
    void everyPhaseRowMatchesARealReport() throws Exception {
        List<Case> cases = new ArrayList<>(Corpus.trainable());
        List<String> texts = new ArrayList<>(cases.stream().map(Case::withDescription).toList());
        try (var files = Files.list(Path.of("src/test/resources/traces"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) texts.add(Files.readString(f));
        }
        texts.replaceAll(t -> t.toLowerCase(Locale.ROOT));
        List<String> unreached = new ArrayList<>();
        for (PhaseWords.Row r : PhaseWords.table()) {
            String row = r.phase() + " " + r.pattern().pattern();
            if (OLDER_UNREACHED.stream().noneMatch(row::startsWith)
                    && texts.stream().noneMatch(t -> r.pattern().matcher(t).find())) unreached.add(row);
        }
        assertEquals(List.of(), unreached);
    }
}
