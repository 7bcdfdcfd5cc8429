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
import java.util.Map;
import java.util.TreeMap;

/**
 * Seventeenth session (diag17): activations_batch is the accepted alternative that most often wins over the label
 * (CV over trainable, desc+paste: about 100 of the 205 alternative-only answers). Does taking DELTA off its bias, so a
 * more specific cause close behind it is said, raise label-only without losing top-1? Grouped 5-fold CV over
 * trainable (each fold fitted once), then a fit on trainable scored on the burned heldout16+18 (new writers).
 * Run: bench/run.sh SinkOffset [--shift-only]
 */
public final class SinkOffset {
    private SinkOffset() {}

    private static final double[] DELTAS = {0, 0.25, 0.5, 0.75, 1.0};

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        var ex = TrainReasoner.examples(Corpus.trainable());
        int k = TrainReasoner.FOLDS;
        Map<Double, List<Scores.Outcome>> cv = new TreeMap<>();
        for (int fold = 0; fold < k && !List.of(args).contains("--shift-only"); fold++) {
            final int f = fold;
            var train = ex.stream().filter(e -> Corpus.fold(e.c(), k) != f).toList();
            var test = ex.stream().filter(e -> Corpus.fold(e.c(), k) == f).toList();
            ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(train.stream()
                    .map(TrainReasoner.Example::c).distinct().toList()));
            score(train, test, l2, writer, cv);
        }
        for (var e : cv.entrySet()) System.out.println(String.format(Locale.ROOT, "CV delta %.2f  ", e.getKey())
                + WordsCv.counts(new Scores(e.getValue())));
        List<Case> shifted = new ArrayList<>(Corpus.heldout16());
        shifted.addAll(Corpus.heldout18());
        Map<Double, List<Scores.Outcome>> shift = new TreeMap<>();
        score(ex, TrainReasoner.examples(shifted), l2, new ReportWriter(KnowledgeBase.bundled()), shift);
        for (var e : shift.entrySet()) System.out.println(String.format(Locale.ROOT, "heldout16+18 delta %.2f  ",
                e.getKey()) + WordsCv.counts(new Scores(e.getValue())));
    }

    private static void score(List<TrainReasoner.Example> train, List<TrainReasoner.Example> test, double l2,
                              ReportWriter writer, Map<Double, List<Scores.Outcome>> out) {
        LinearModel cat = TrainReasoner.fit(train, e -> e.c().category(), l2)
                .withScalar(Reasoner.PRIOR_SCALE, TrainReasoner.priorScale);
        LinearModel phase = TrainReasoner.fitPhase(train, TrainReasoner.phaseL2);
        for (double d : DELTAS) {
            double[] bias = new double[cat.labels().size()];
            for (int i = 0; i < bias.length; i++) {
                bias[i] = cat.contribution(LinearModel.BIAS, 1.0, cat.labels().get(i))
                        - (cat.labels().get(i).equals("activations_batch") ? d : 0);
            }
            Reasoner r = new Reasoner(new FeatureExtractor(), cat.withRows(Map.of(LinearModel.BIAS, bias)), phase);
            for (var e : test) out.computeIfAbsent(d, x -> new ArrayList<>()).add(Scores.Outcome.of(e,
                    writer.write(e.evidence(), r.conclude(e.evidence(), e.x()), new ArrayList<>())));
        }
    }
}
