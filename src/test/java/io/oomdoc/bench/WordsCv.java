package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;
import java.util.Locale;

/**
 * Thirteenth session (words13): grouped 5-fold CV by repository over Corpus.trainable() for settings of the word
 * block, the features extracted once. Each argument is one setting: "off", or WHICH/K/SCALE where WHICH is c (the
 * cause model reads words), p (the phase model) or cp (both), K the least number of groups of a token, SCALE the
 * value of a word feature while fitting, then optionally the cause's and the phase's feature prefix (w: the prose's
 * words only, lw: the log's, * all). Prints exact counts per setting (description + paste / paste alone).
 * Run: bench/run.sh WordsCv off c/5/1 cp/5/1
 */
public final class WordsCv {
    private WordsCv() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<Case> pool = Corpus.trainable();
        if (args.length == 0) {
            System.out.println("bundled: " + TrainReasoner.wordSettings());
            return;
        }
        var ex = TrainReasoner.examples(pool);
        System.out.println("grouped " + TrainReasoner.FOLDS + "-fold CV over trainable (" + pool.size() + "), l2 " + l2
                + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2 + ", bundled: "
                + TrainReasoner.wordSettings());
        for (String a : args) {
            String[] p = a.split("/");
            TrainReasoner.words = p[0].contains("c");
            TrainReasoner.phaseWords = p[0].contains("p");
            TrainReasoner.wordPrefix = p.length > 3 ? p[3].replace("*", "") : "";
            TrainReasoner.phaseWordPrefix = p.length > 4 ? p[4].replace("*", "") : TrainReasoner.wordPrefix;
            if (p.length >= 3) {
                TrainReasoner.wordK = Integer.parseInt(p[1]);
                TrainReasoner.wordScale = Double.parseDouble(p[2]);
            }
            long t0 = System.nanoTime();
            Scores s = CrossValidation.run(ex, l2, TrainReasoner.FOLDS);
            System.out.println(String.format(Locale.ROOT, "%-12s %s (%.0f s)", a, counts(s),
                    (System.nanoTime() - t0) / 1e9));
        }
    }

    /** top-1 label or alt., label only, top-3 and phase, each description + paste / paste alone. */
    static String counts(Scores s) {
        int[] n = new int[8];
        for (Scores.Outcome o : s.outcomes()) {
            int m = o.withDescription() ? 0 : 1;
            if (o.top1()) n[m]++;
            if (o.c().category().equals(o.category())) n[2 + m]++;
            if (o.top3Hit()) n[4 + m]++;
            if (o.phaseHit()) n[6 + m]++;
        }
        return String.format(Locale.ROOT, "top-1 %d/%d, label %d/%d, top-3 %d/%d, phase %d/%d of %d", n[0], n[1], n[2],
                n[3], n[4], n[5], n[6], n[7], s.outcomes().size() / 2);
    }
}
