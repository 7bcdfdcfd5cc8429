package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.FeatureVector;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seventeenth session (diag17): grouped 5-fold CV over Corpus.trainable() with the bundled settings, the phase
 * outcomes grouped by the strongest phase evidence the case's features carry (a frame, a killed loader worker,
 * the reporter's words, none): per group the hits and the (label -> said) pairs, both modes.
 * --dump prints one line per case and mode with its features (words left out).
 * Run: bench/run.sh PhaseSources [--dump]
 */
public final class PhaseSources {
    private PhaseSources() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        boolean dump = List.of(args).contains("--dump");
        var ex = TrainReasoner.examples(Corpus.trainable());
        int k = TrainReasoner.FOLDS;
        Map<String, Map<String, Integer>> pairs = new TreeMap<>();
        Map<String, int[]> hits = new TreeMap<>();
        for (int fold = 0; fold < k; fold++) {
            final int f = fold;
            var train = ex.stream().filter(e -> Corpus.fold(e.c(), k) != f).toList();
            var test = ex.stream().filter(e -> Corpus.fold(e.c(), k) == f).toList();
            Reasoner r = CrossValidation.reasoner(train, l2, TrainReasoner.priorScale);
            ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(train.stream()
                    .map(TrainReasoner.Example::c).distinct().toList()));
            for (var e : test) {
                var o = Scores.Outcome.of(e, writer.write(e.evidence(), r.conclude(e.evidence(), e.x()),
                        new ArrayList<>()));
                String src = source(e.x()) + (e.withDescription() ? " desc" : " paste");
                hits.computeIfAbsent(src, x -> new int[2])[o.phaseHit() ? 0 : 1]++;
                pairs.computeIfAbsent(src, x -> new TreeMap<>()).merge(e.c().phase() + "->" + o.phase(), 1,
                        Integer::sum);
                if (dump) System.out.println("CASE\t" + src + "\t" + e.c().id() + "\t" + e.c().phase() + "\t"
                        + o.phase() + "\t" + e.c().category() + "\t" + o.category() + "\t" + String.join(" ",
                        e.x().values().keySet().stream().filter(s -> !s.startsWith("w:") && !s.startsWith("lw:"))
                        .sorted().toList()));
            }
        }
        for (var h : hits.entrySet()) {
            System.out.println(h.getKey() + ": right " + h.getValue()[0] + " wrong " + h.getValue()[1] + "  "
                    + pairs.get(h.getKey()).entrySet().stream().filter(p -> p.getValue() >= 4)
                    .map(p -> p.getKey() + " " + p.getValue()).toList());
        }
    }

    static String source(FeatureVector x) {
        var v = x.values().keySet();
        if (v.stream().anyMatch(s -> s.startsWith("frame-phase:"))) return "frame";
        if (v.contains("trace-phase:dataloader")) return "worker";
        if (v.stream().anyMatch(s -> s.startsWith("words-phase:"))) return "words";
        return "none";
    }
}
