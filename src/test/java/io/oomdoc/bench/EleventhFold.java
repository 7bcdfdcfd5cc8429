package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Eleventh session (phase11): corpus_heldout10 and corpus_heldout11 (scored once in the tenth session, burned since,
 * so they may be read) as the unseen fold of phase and KB work. Both are diagnosed by weights fitted on
 * Corpus.development9() only, with the bundled hyperparameters; for each: the figures, the phase confusion, phase
 * hits per framework and (on --misses) the phase, KB, number and no-report misses.
 * --cv instead: grouped 5-fold CV by repository over development9, with exact counts (the honest figure for rows
 * written while reading the two burned sets).
 * Run: bench/run.sh EleventhFold [--misses | --cv]
 */
public final class EleventhFold {
    private EleventhFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        boolean misses = List.of(args).contains("--misses");
        List<Case> dev9 = Corpus.development9();
        var train = TrainReasoner.examples(dev9);
        if (List.of(args).contains("--cv")) {
            Scores cv = CrossValidation.run(train, l2, TrainReasoner.FOLDS);
            System.out.println(cv.table("grouped " + TrainReasoner.FOLDS + "-fold CV by repository over development9 ("
                    + dev9.size() + "), l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 "
                    + TrainReasoner.phaseL2));
            System.out.println(counts(cv));
            return;
        }
        String how = ", fitted on development9 (" + dev9.size() + "), l2 " + l2 + ", prior "
                + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2;
        for (var set : Map.of("corpus_heldout10", Corpus.heldout10(), "corpus_heldout11", Corpus.heldout11())
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Scores s = CrossValidation.holdout(train, TrainReasoner.examples(set.getValue()), l2);
            System.out.println(s.table(set.getKey() + " (" + set.getValue().size() + ")" + how));
            System.out.println(counts(s));
            System.out.println("Phase confusion (label rows, said columns, description + paste):\n"
                    + s.phaseConfusion());
            System.out.println("Phase hits per framework (description + paste / paste alone / cases):\n"
                    + perFramework(s));
            if (!misses) continue;
            System.out.println("Phase misses (description + paste):\n" + s.phaseMisses(true, 500));
            System.out.println("Phase misses (paste alone):\n" + s.phaseMisses(false, 500));
            System.out.println("KB and number misses:\n" + s.otherMisses(500));
            System.out.println("No report:\n" + s.unreportedList(500));
        }
    }

    /** Exact counts behind the rounded shares, so a one-case move is visible. */
    static String counts(Scores s) {
        int[] n = new int[8];
        for (Scores.Outcome o : s.outcomes()) {
            int m = o.withDescription() ? 0 : 1;
            if (o.top1()) n[m]++;
            if (o.phaseHit()) n[2 + m]++;
            if (o.kbHit()) n[4 + m]++;
            if (o.numbersExact()) n[6 + m]++;
        }
        return String.format(Locale.ROOT, "counts (desc/paste): top-1 %d/%d, phase %d/%d, KB@3 %d/%d, numbers %d/%d of %d",
                n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], s.outcomes().size() / 2);
    }

    private static String perFramework(Scores s) {
        Map<String, int[]> m = new TreeMap<>();
        for (Scores.Outcome o : s.outcomes()) {
            int[] c = m.computeIfAbsent(o.c().framework(), k -> new int[3]);
            if (o.phaseHit()) c[o.withDescription() ? 0 : 1]++;
            if (o.withDescription()) c[2]++;
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, c) -> sb.append(String.format(Locale.ROOT, "- %s: %d / %d / %d%n", k, c[0], c[1], c[2])));
        return sb.toString();
    }
}
