package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.FeatureExtractor;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Grouped CV over the trainable pool, as FourteenthFold runs it, printing per case and input mode what the phase
 * reader had (diag25b): the fold, the label, the phase reported, the learned phase's probabilities and the
 * phase evidence that fired (frame, trace and words phases, the phase cues). For reading the phase misses of
 * folds 0-2 and choosing a change there; folds 3-4 score it. Run: bench/run.sh PhaseDump > phase-dump.txt
 */
public final class PhaseDump {
    private PhaseDump() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        var ex = TrainReasoner.examples(Corpus.trainable());
        int k = TrainReasoner.FOLDS;
        for (int fold = 0; fold < k; fold++) {
            final int f = fold;
            var train = ex.stream().filter(e -> Corpus.fold(e.c(), k) != f).toList();
            var test = ex.stream().filter(e -> Corpus.fold(e.c(), k) == f).toList();
            LinearModel cat = TrainReasoner.fit(train, e -> e.c().category(), l2)
                    .withScalar(Reasoner.PRIOR_SCALE, TrainReasoner.priorScale);
            LinearModel phase = TrainReasoner.fitPhase(train, TrainReasoner.phaseL2);
            Reasoner r = new Reasoner(new FeatureExtractor(), cat, phase);
            ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(train.stream()
                    .map(TrainReasoner.Example::c).distinct().toList()));
            for (var e : test) {
                var c = r.conclude(e.evidence(), e.x());
                var rep = writer.write(e.evidence(), c, new ArrayList<>());
                double[] p = phase.probabilities(Reasoner.withCause(e.x(), c.hypotheses().get(0).category().json()));
                List<String> labels = phase.labels();
                StringBuilder probs = new StringBuilder();
                for (int i = 0; i < p.length; i++) {
                    probs.append(String.format(Locale.ROOT, "%s=%.2f,", labels.get(i), p[i]));
                }
                String feats = e.x().values().keySet().stream().filter(s -> s.matches(
                        "(?:frame|trace|words)-phase:.*|(?:cue|log):(?:not-)?phase-.*|kind:.*|iteration:.*"
                                + "|has-traceback|kill-.*|(?:cue|log):.*")).sorted()
                        .collect(Collectors.joining(","));
                System.out.println("row\t" + (e.withDescription() ? "desc" : "paste") + "\t" + e.c().id() + "\t" + f
                        + "\t" + e.c().phase() + "\t" + rep.phase() + "\t" + c.hypotheses().get(0).category().json()
                        + "\t" + e.c().category() + "\t" + probs + "\t" + feats + "\t" + e.c().kb() + "\t"
                        + rep.kb().subList(0, Math.min(3, rep.kb().size())) + "\t" + e.c().framework());
            }
        }
    }
}
