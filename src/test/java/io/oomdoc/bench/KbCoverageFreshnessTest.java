package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * model/kb-coverage.tsv is written by bench/run.sh TrainKbCoverage from the labelled reports; a label changed or a
 * split moved into the development data without a rerun would leave the shipped table behind the corpus. Fitting
 * the table is a count (milliseconds), so the test recomputes it and compares, comments aside.
 */
class KbCoverageFreshnessTest {
    @Test
    void theShippedTableIsWhatTrainKbCoverageWritesToday() throws IOException {
        String shipped = Files.readAllLines(TrainKbCoverage.OUT, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).collect(Collectors.joining("\n"));
        String fresh = TrainKbCoverage.fit(Corpus.trainable()).toTsv().lines()
                .filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
        assertEquals(fresh, shipped, "rerun bench/run.sh TrainKbCoverage");
    }

    @Test
    void theHeaderCountsTheReportsTheTableWasFittedOn() throws IOException {
        String head = Files.readAllLines(TrainKbCoverage.OUT, StandardCharsets.UTF_8).get(0);
        assertEquals(true, head.contains("from " + Corpus.trainable().size() + " labelled reports"), head);
    }
}
