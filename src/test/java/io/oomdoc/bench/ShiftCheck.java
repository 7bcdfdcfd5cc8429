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
 * 1 / 3 / 10, the phase word block on / off, and the phase from the first cause or averaged over the causes
 * (an offset of 0.5 taken off "unknown" was tried the same way and dropped). Totals only.
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
                Reasoner fitted = new Reasoner(new FeatureExtractor(), cat, phase);
                for (boolean mix : new boolean[]{false, true}) {
                    Reasoner r = mix ? fitted : fitted.withPhaseFromFirstCause();
                    List<Scores.Outcome> out = new ArrayList<>();
                    for (var e : test) out.add(Scores.Outcome.of(e, writer.write(e.evidence(),
                            r.conclude(e.evidence(), e.x()), new ArrayList<>())));
                    System.out.println(String.format(Locale.ROOT, "phase words %-5s phase-l2 %4.1f mixed %-5s  ",
                            words, pl2, mix) + WordsCv.counts(new Scores(out)));
                }
            }
        }
        TrainReasoner.phaseWords = bundledWords;
    }
}
