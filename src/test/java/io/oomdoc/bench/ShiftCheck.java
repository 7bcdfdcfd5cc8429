package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.FeatureExtractor;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seventeenth session (diag17): phase settings judged on writers the weights never saw. Fits on
 * Corpus.trainable() with the bundled hyperparameters, then scores the burned corpus_heldout16 and corpus_heldout18
 * (not in trainable; both read in earlier sessions, so a development check, not an unseen figure) under phase-l2
 * 1 / 3 / 10 and the phase word block on / off. Totals only. (diag17 also tried here, then dropped: the phase
 * averaged over the causes, +2/+1 phase of 152 but -1/-5 on the unread heldout17+19, and an offset of 0.5 taken off
 * "unknown", -2/0 here; see bench/results.md.)
 * Run: bench/run.sh ShiftCheck
 */
public final class ShiftCheck {
    private ShiftCheck() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        var train = TrainReasoner.examples(Corpus.trainable());
        List<Case> shifted = new ArrayList<>(Corpus.heldout16());
        shifted.addAll(Corpus.heldout18());
        var test = TrainReasoner.examples(shifted);
        LinearModel cat = TrainReasoner.fit(train, e -> e.c().category(), l2)
                .withScalar(Reasoner.PRIOR_SCALE, TrainReasoner.priorScale);
        ReportWriter writer = new ReportWriter(KnowledgeBase.bundled());
        boolean bundledWords = TrainReasoner.phaseWords;
        for (boolean words : new boolean[]{bundledWords, !bundledWords}) {
            for (double pl2 : new double[]{3, 1, 10}) {
                TrainReasoner.phaseWords = words;
                LinearModel phase = TrainReasoner.fitPhase(train, pl2);
                Reasoner r = new Reasoner(new FeatureExtractor(), cat, phase);
                List<Scores.Outcome> out = new ArrayList<>();
                for (var e : test) out.add(Scores.Outcome.of(e, writer.write(e.evidence(),
                        r.conclude(e.evidence(), e.x()), new ArrayList<>())));
                System.out.println(String.format(Locale.ROOT, "phase words %-5s phase-l2 %4.1f  ", words, pl2)
                        + WordsCv.counts(new Scores(out)));
            }
        }
        TrainReasoner.phaseWords = bundledWords;
    }
}
