package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grouped cross-validation over the development part and the third split together (round 6 of issue 12): the
 * third split has been scored, so it is development data now; its repositories are its own groups (none is in
 * the corpus), and each fold's cases are diagnosed by weights fitted without their groups. The figures are
 * printed per part so the generalization gap stays visible. The final split is not read.
 * Run: bench/run.sh CombinedCv [--misses]
 */
public final class CombinedCv {
    private CombinedCv() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<Case> dev = Corpus.development();
        List<Case> third = Corpus.heldout5();
        List<Case> all = new ArrayList<>(dev);
        all.addAll(third);
        Set<String> thirdIds = third.stream().map(Case::id).collect(Collectors.toSet());
        Scores cv = CrossValidation.run(TrainReasoner.examples(all), l2, TrainReasoner.FOLDS);
        Scores devPart = new Scores(cv.outcomes().stream().filter(o -> !thirdIds.contains(o.c().id())).toList());
        Scores thirdPart = new Scores(cv.outcomes().stream().filter(o -> thirdIds.contains(o.c().id())).toList());
        String how = ", grouped " + TrainReasoner.FOLDS + "-fold CV over dev + heldout5 (" + all.size() + " cases), l2 "
                + l2 + ", prior " + TrainReasoner.priorScale;
        System.out.println(cv.table("All" + how));
        System.out.println(devPart.table("Development part (" + dev.size() + ")" + how));
        System.out.println(thirdPart.table("corpus_heldout5 (" + third.size() + ")" + how));
        if (List.of(args).contains("--misses")) {
            System.out.println("Misses, all (description + paste):\n" + cv.misses(500));
            System.out.println("Phase misses, all (paste alone):\n" + cv.phaseMisses(false, 500));
            System.out.println("KB and number misses, all:\n" + cv.otherMisses(500));
        }
    }
}
