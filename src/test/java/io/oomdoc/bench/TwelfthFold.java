package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Twelfth session (diag12): grouped 5-fold CV by repository over Corpus.development10() (756) and, with --with12, the
 * burned corpus_heldout12 (74, scored once in the eleventh session, development data since): the figures, the exact
 * counts and, with --outcomes, one line per case and input mode (label, said, phase label/said) to diff two builds.
 * Run: bench/run.sh TwelfthFold [--with12] [--outcomes]
 */
public final class TwelfthFold {
    private TwelfthFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        // development10() is what trainable() was in the twelfth session; trainable() holds heldout12 since then.
        List<Case> pool = new ArrayList<>(Corpus.development10());
        if (List.of(args).contains("--with12")) pool.addAll(Corpus.heldout12());
        Scores cv = CrossValidation.run(TrainReasoner.examples(pool), l2, TrainReasoner.FOLDS);
        System.out.println(cv.table("grouped " + TrainReasoner.FOLDS + "-fold CV by repository over "
                + (pool.size() > Corpus.development10().size() ? "development10 + heldout12" : "development10") + " ("
                + pool.size() + "), l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 "
                + TrainReasoner.phaseL2));
        System.out.println(EleventhFold.counts(cv));
        if (!List.of(args).contains("--outcomes")) return;
        for (Scores.Outcome o : cv.outcomes()) {
            System.out.println((o.withDescription() ? "desc " : "paste ") + o.c().id() + " " + o.c().category()
                    + (o.top1() ? " = " : " ! ") + o.category() + " phase " + o.c().phase() + (o.phaseHit() ? " = "
                    : " ! ") + o.phase());
        }
    }
}
