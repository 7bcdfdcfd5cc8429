package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;

/**
 * Ninth session of issue 12: corpus_heldout8 (scored once in the eighth session) is the unseen fold of this round.
 * (1) heldout8 diagnosed by weights fitted on Corpus.development7() (dev + heldout5 + heldout6 + heldout7) with the
 * bundled hyperparameters: totals only, its cases are not listed, so no rule is written from them; (2) grouped
 * 5-fold CV by repository over development7, printed per part, with the misses on --misses. The final split is not
 * read. Run: bench/run.sh EighthFold [--misses | --cv-only | --unseen-only]
 */
public final class EighthFold {
    private EighthFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<String> flags = List.of(args);
        List<Case> before = Corpus.development7();
        var train = TrainReasoner.examples(before);
        String how = ", l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2;
        if (!flags.contains("--cv-only")) {
            List<Case> eighth = Corpus.heldout8();
            Scores unseen = CrossValidation.holdout(train, TrainReasoner.examples(eighth), l2);
            System.out.println(unseen.table("corpus_heldout8 (" + eighth.size() + ") as an unseen fold, fitted on "
                    + "dev + heldout5 + heldout6 + heldout7 (" + before.size() + ")" + how));
        }
        if (flags.contains("--unseen-only")) return;
        Scores cv = CrossValidation.run(train, l2, TrainReasoner.FOLDS);
        String cvHow = ", grouped " + TrainReasoner.FOLDS + "-fold CV over dev + heldout5 + heldout6 + heldout7 ("
                + before.size() + " cases)" + how;
        System.out.println(cv.tablesByPart(cvHow));
        if (flags.contains("--misses")) {
            System.out.println("Misses (description + paste):\n" + cv.misses(500));
            System.out.println("Misses (paste alone):\n" + cv.misses(false, 500));
            System.out.println("Right only by an accepted alternative (description + paste):\n"
                    + cv.alternativeOnly(500));
        }
    }
}
