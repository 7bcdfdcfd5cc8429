package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.KbCoverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes src/main/resources/model/kb-coverage.tsv: for each cause, the sets of knowledge entries its labelled
 * reports needed and how often, counted over Corpus.development8() (dev + heldout5..8; never the final split or a
 * blind split). Cross-validation (CrossValidation.run) fits the same table per fold with {@link #fit}.
 * Run: bench/run.sh TrainKbCoverage
 */
public final class TrainKbCoverage {
    static final Path OUT = Path.of("src/main/resources/model/kb-coverage.tsv");

    private TrainKbCoverage() {}

    public static void main(String[] args) throws Exception {
        List<Case> cases = Corpus.development8();
        String head = "# Written by bench/run.sh TrainKbCoverage from " + cases.size() + " labelled reports (dev + "
                + "corpus_heldout5..8).\n# Columns: cause, the knowledge ids one report needed, how many reports needed "
                + "that set.\n";
        Files.writeString(OUT, head + fit(cases).toTsv());
        System.out.println("wrote " + OUT);
    }

    static KbCoverage fit(List<Case> cases) {
        return KbCoverage.count(cases.stream().map(c -> Map.entry(c.category(), c.kb())).toList());
    }
}
