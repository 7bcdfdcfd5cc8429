package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Tenth session of issue 12: corpus_heldout9 (scored once in the ninth session, burned since, so it may be read) is
 * the unseen fold. (1) heldout9 diagnosed by weights fitted on Corpus.development8() only, with the bundled
 * hyperparameters, its confusion and (on --misses) its misses; (2) grouped 5-fold CV by repository over
 * development8 (--cv) or development8 + heldout9 (--cv-all), per part. Run:
 * bench/run.sh NinthFold [--unseen-only | --cv | --cv-all] [--misses]
 */
public final class NinthFold {
    private NinthFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<String> flags = List.of(args);
        boolean misses = flags.contains("--misses");
        List<Case> dev8 = Corpus.development8();
        List<Case> ninth = Corpus.heldout9();
        var train = TrainReasoner.examples(dev8);
        String how = ", l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2;
        if (!flags.contains("--cv") && !flags.contains("--cv-all")) {
            Scores unseen = CrossValidation.holdout(train, TrainReasoner.examples(ninth), l2);
            System.out.println(unseen.table("corpus_heldout9 (" + ninth.size() + ") as an unseen fold, fitted on "
                    + "development8 (" + dev8.size() + ")" + how));
            System.out.println("Confusion (label rows, said columns):\n" + unseen.confusion());
            if (misses) print(unseen);
        }
        if (flags.contains("--unseen-only")) return;
        List<Case> pool = new ArrayList<>(dev8);
        if (flags.contains("--cv-all")) pool.addAll(ninth);
        Scores cv = CrossValidation.run(TrainReasoner.examples(pool), l2, TrainReasoner.FOLDS);
        System.out.println(cv.tablesByPart(", grouped " + TrainReasoner.FOLDS + "-fold CV by repository over "
                + (flags.contains("--cv-all") ? "development8 + heldout9" : "development8") + " (" + pool.size()
                + " cases)" + how));
        if (misses) print(cv);
    }

    private static void print(Scores s) {
        System.out.println("Misses (description + paste):\n" + s.misses(500));
        System.out.println("Misses (paste alone):\n" + s.misses(false, 500));
        System.out.println("Right only by an accepted alternative (description + paste):\n" + s.alternativeOnly(500));
    }
}
