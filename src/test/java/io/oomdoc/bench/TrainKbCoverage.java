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
 * reports needed and how often, counted over Corpus.trainable() (dev + the burned heldout5..21, the pool the
 * bundled reasoner weights are fitted on; never the final split or a blind split). Cross-validation
 * (CrossValidation.run) fits the same table per fold with {@link #fit}, so the CV figures do not move with a rerun;
 * the bundled table until diag19b was counted on development8 (729 reports) only.
 * Run: bench/run.sh TrainKbCoverage
 */
public final class TrainKbCoverage {
    static final Path OUT = Path.of("src/main/resources/model/kb-coverage.tsv");

    private TrainKbCoverage() {}

    public static void main(String[] args) throws Exception {
        List<Case> cases = Corpus.trainable();
        String head = "# Written by bench/run.sh TrainKbCoverage from " + cases.size() + " labelled reports (dev + "
                + "corpus_heldout5..21).\n# Columns: cause (+figures: counted over the reports that print the "
                + "allocator's figures),\n# the knowledge ids one report needed, how many reports needed that set.\n";
        Files.writeString(OUT, head + fit(cases).toTsv());
        System.out.println("wrote " + OUT);
    }

    static KbCoverage fit(List<Case> cases) {
        // a report whose labels decode figures printed them: counted apart, as KbChoice reads the figures it decoded
        return KbCoverage.count(cases.stream().map(c -> Map.entry(KbCoverage.key(c.category(), !c.numbers().isEmpty()),
                c.kb())).toList());
    }
}
