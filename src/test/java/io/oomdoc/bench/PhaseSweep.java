package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seventeenth session (diag17): the phase read from the first cause alone against the phase averaged over the
 * causes (Reasoner's default since diag17), by grouped 5-fold CV over Corpus.trainable(), each fold fitted once with
 * the bundled hyperparameters and concluded both ways. Prints counts (desc+paste / paste alone) and the phase
 * confusions of each. (An offset taken off "unknown"'s score, 0.25 to 1.5, was tried the same way and dropped: phase
 * 930..915 of 1250 desc+paste against 936.) Run: bench/run.sh PhaseSweep
 */
public final class PhaseSweep {
    private PhaseSweep() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
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
            for (boolean mix : new boolean[]{false, true}) {
                Reasoner r = mix ? fitted : fitted.withPhaseFromFirstCause();
                String key = mix ? "phase averaged over causes" : "phase from the first cause";
                for (var e : test) out.computeIfAbsent(key, x -> new ArrayList<>()).add(Scores.Outcome.of(e,
                        writer.write(e.evidence(), r.conclude(e.evidence(), e.x()), new ArrayList<>())));
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
