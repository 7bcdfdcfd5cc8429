package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Round 8 of issue 12: corpus_heldout7 was scored once in the seventh session, so it is development data now. Two
 * checks: (1) heldout7 as an unseen fold, diagnosed by weights fitted on Corpus.trainableBeforeSeventh() (dev +
 * heldout5 + heldout6) only, with the bundled hyperparameters; (2) grouped 5-fold CV by repository over
 * Corpus.development7() (the four parts), printed per part. Rules written while reading heldout7's misses make (1)
 * optimistic; (2) is the check across repositories. The final split is not read.
 * Run: bench/run.sh SeventhFold [--misses | --unseen-only | --no-report]
 */
public final class SeventhFold {
    private SeventhFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        boolean misses = List.of(args).contains("--misses");
        boolean cvToo = !List.of(args).contains("--unseen-only");
        if (List.of(args).contains("--no-report")) {
            var ex = TrainReasoner.examples(Corpus.heldout7());
            System.out.println(CrossValidation.holdout(TrainReasoner.examples(Corpus.trainableBeforeSeventh()), ex, l2)
                    .unreportedList(500));
            return;
        }
        List<Case> before = Corpus.trainableBeforeSeventh();
        List<Case> seventh = Corpus.heldout7();
        Scores unseen = CrossValidation.holdout(TrainReasoner.examples(before), TrainReasoner.examples(seventh), l2);
        String how = ", l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2;
        System.out.println(unseen.table("corpus_heldout7 (" + seventh.size() + ") as an unseen fold, fitted on dev + "
                + "heldout5 + heldout6 (" + before.size() + ")" + how));
        if (misses) print(unseen);
        if (!cvToo) return;
        List<Case> all = new ArrayList<>(before);
        all.addAll(seventh);
        Scores cv = CrossValidation.run(TrainReasoner.examples(all), l2, TrainReasoner.FOLDS);
        Set<String> fifth = ids(Corpus.heldout5()), sixth = ids(Corpus.heldout6()), seventhIds = ids(seventh);
        String cvHow = ", grouped " + TrainReasoner.FOLDS + "-fold CV over dev + heldout5 + heldout6 + heldout7 ("
                + all.size() + " cases)" + how;
        System.out.println(cv.table("All" + cvHow));
        System.out.println(part(cv, o -> !fifth.contains(o.c().id()) && !sixth.contains(o.c().id())
                && !seventhIds.contains(o.c().id())).table("Development part" + cvHow));
        System.out.println(part(cv, o -> fifth.contains(o.c().id())).table("corpus_heldout5 part" + cvHow));
        System.out.println(part(cv, o -> sixth.contains(o.c().id())).table("corpus_heldout6 part" + cvHow));
        System.out.println(part(cv, o -> seventhIds.contains(o.c().id())).table("corpus_heldout7 part" + cvHow));
        if (misses) print(cv);
    }

    private static Set<String> ids(List<Case> cases) {
        return cases.stream().map(Case::id).collect(Collectors.toSet());
    }

    private static Scores part(Scores s, Predicate<Scores.Outcome> p) {
        return new Scores(s.outcomes().stream().filter(p).toList());
    }

    private static void print(Scores s) {
        System.out.println("Misses (description + paste):\n" + s.misses(500));
        System.out.println("Misses (paste alone):\n" + s.misses(false, 500));
        System.out.println("Right only by an accepted alternative (description + paste):\n" + s.alternativeOnly(500));
        System.out.println("Phase misses (description + paste):\n" + s.phaseMisses(true, 500));
        System.out.println("Phase misses (paste alone):\n" + s.phaseMisses(false, 500));
        System.out.println("KB and number misses:\n" + s.otherMisses(500));
        System.out.println("Memory failures given no report:\n" + s.unreportedList(500));
    }
}
