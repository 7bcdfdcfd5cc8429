package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Eleventh session of issue 12: corpus_heldout10 + corpus_heldout11 (scored once in the tenth session, burned since,
 * so they may be read) are the unseen fold. (1) Both diagnosed by weights fitted on Corpus.development9() only, with
 * the bundled hyperparameters: totals, each set, plain PyTorch (framework "pytorch") against every other stack, the
 * confusion and (on --misses) the misses; (2) grouped 5-fold CV by repository over development9 (--cv) or
 * development9 + heldout10 + heldout11 (--cv-all). Run:
 * bench/run.sh TenthFold [--unseen-only | --cv | --cv-all] [--misses]
 */
public final class TenthFold {
    private TenthFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<String> flags = List.of(args);
        boolean misses = flags.contains("--misses");
        List<Case> dev9 = Corpus.development9();
        List<Case> unseen = new ArrayList<>(Corpus.heldout10());
        unseen.addAll(Corpus.heldout11());
        var train = TrainReasoner.examples(dev9);
        String how = ", l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2;
        if (!flags.contains("--cv") && !flags.contains("--cv-all")) {
            Scores s = CrossValidation.holdout(train, TrainReasoner.examples(unseen), l2);
            String fitted = ", fitted on development9 (" + dev9.size() + ")" + how;
            System.out.println(s.table("corpus_heldout10 + heldout11 (" + unseen.size() + ") as an unseen fold"
                    + fitted));
            System.out.println(part(s, Corpus.heldout10()).table("corpus_heldout10 part" + fitted));
            System.out.println(part(s, Corpus.heldout11()).table("corpus_heldout11 part" + fitted));
            System.out.println(family(s, true).table("plain PyTorch (framework pytorch) part" + fitted));
            System.out.println(family(s, false).table("every other stack" + fitted));
            System.out.println("Confusion (label rows, said columns):\n" + s.confusion());
            if (misses) print(s);
        }
        if (flags.contains("--unseen-only")) return;
        List<Case> pool = new ArrayList<>(dev9);
        if (flags.contains("--cv-all")) pool.addAll(unseen);
        Scores cv = CrossValidation.run(TrainReasoner.examples(pool), l2, TrainReasoner.FOLDS);
        String over = ", grouped " + TrainReasoner.FOLDS + "-fold CV by repository over "
                + (flags.contains("--cv-all") ? "development9 + heldout10 + heldout11" : "development9") + " ("
                + pool.size() + " cases)" + how;
        System.out.println(cv.table("All" + over));
        System.out.println(family(cv, true).table("plain PyTorch part" + over));
        System.out.println(family(cv, false).table("every other stack" + over));
        if (misses) print(cv);
    }

    private static Scores part(Scores s, List<Case> cases) {
        var ids = cases.stream().map(Case::id).collect(java.util.stream.Collectors.toSet());
        return new Scores(s.outcomes().stream().filter(o -> ids.contains(o.c().id())).toList());
    }

    private static Scores family(Scores s, boolean plainPyTorch) {
        return new Scores(s.outcomes().stream()
                .filter(o -> "pytorch".equals(o.c().framework()) == plainPyTorch).toList());
    }

    private static void print(Scores s) {
        System.out.println("Misses (description + paste):\n" + s.misses(500));
        System.out.println("Misses (paste alone):\n" + s.misses(false, 500));
        System.out.println("Right only by an accepted alternative (description + paste):\n" + s.alternativeOnly(500));
    }
}
