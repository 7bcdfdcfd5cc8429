package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seventeenth session (diag17): the phase settings of model/phase.tsv (Reasoner.UNKNOWN_OFFSET, PHASE_MIX) by
 * grouped 5-fold CV over Corpus.trainable(), each fold fitted once with the bundled hyperparameters and concluded
 * under every setting. Prints phase counts (desc+paste / paste alone) per setting and the phase confusions of each.
 * Run: bench/run.sh PhaseSweep [offsets...] (default 0 0.25 0.5 0.75 1 1.5)
 */
public final class PhaseSweep {
    private PhaseSweep() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<Double> offsets = new ArrayList<>();
        for (String a : args) offsets.add(Double.parseDouble(a));
        if (offsets.isEmpty()) offsets.addAll(List.of(0.0, 0.25, 0.5, 0.75, 1.0, 1.5));
        var ex = TrainReasoner.examples(Corpus.trainable());
        int k = TrainReasoner.FOLDS;
        Map<String, List<Scores.Outcome>> out = new TreeMap<>();
        for (int fold = 0; fold < k; fold++) {
            final int f = fold;
            var train = ex.stream().filter(e -> Corpus.fold(e.c(), k) != f).toList();
            var test = ex.stream().filter(e -> Corpus.fold(e.c(), k) == f).toList();
            Reasoner fitted = CrossValidation.reasoner(train, l2, TrainReasoner.priorScale);
            ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(train.stream()
                    .map(TrainReasoner.Example::c).distinct().toList()));
            for (double mix : new double[]{0, 1}) {
                for (double off : offsets) {
                    Reasoner r = fitted.withPhaseSettings(off, mix);
                    String key = String.format(Locale.ROOT, "mix %.0f offset %5.2f", mix, off);
                    for (var e : test) out.computeIfAbsent(key, x -> new ArrayList<>()).add(Scores.Outcome.of(e,
                            writer.write(e.evidence(), r.conclude(e.evidence(), e.x()), new ArrayList<>())));
                }
            }
        }
        for (var e : out.entrySet()) System.out.println(e.getKey() + "  " + WordsCv.counts(new Scores(e.getValue())));
        for (var e : out.entrySet()) {
            Map<String, Integer> phase = new TreeMap<>();
            for (Scores.Outcome o : e.getValue()) {
                if (!o.phaseHit()) phase.merge(o.c().phase() + " -> " + o.phase(), 1, Integer::sum);
            }
            System.out.println(e.getKey() + " phase confusions >= 8: " + phase.entrySet().stream()
                    .filter(x -> x.getValue() >= 8).map(x -> x.getKey() + " " + x.getValue()).toList());
        }
    }
}
