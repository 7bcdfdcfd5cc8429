package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.FeatureExtractor;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seventeenth session (diag17): the reporter's words state a phase and override the learned phase outright
 * (Reasoner.stated). Would they count better as evidence with a strength, overriding only when the phase model gives
 * the stated phase at least TAU? Cases whose strongest phase evidence is words (no frame, no killed worker), grouped
 * 5-fold CV over trainable, then a fit on trainable scored on the burned heldout16+18. Counts the phase before the
 * cause's own rules (Constraints.phase), so TAU 0 is close to, not equal to, what the tool says.
 * Run: bench/run.sh WordsTrust
 */
public final class WordsTrust {
    private WordsTrust() {}

    private static final double[] TAUS = {0, 0.02, 0.05, 0.1, 0.2, 0.3, 1.01};

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        var ex = TrainReasoner.examples(Corpus.trainable());
        int k = TrainReasoner.FOLDS;
        int[][] cv = new int[TAUS.length][4];
        for (int fold = 0; fold < k; fold++) {
            final int f = fold;
            var train = ex.stream().filter(e -> Corpus.fold(e.c(), k) != f).toList();
            var test = ex.stream().filter(e -> Corpus.fold(e.c(), k) == f).toList();
            count(train, test, l2, cv);
        }
        print("CV trainable", cv);
        List<Case> shifted = new ArrayList<>(Corpus.heldout16());
        shifted.addAll(Corpus.heldout18());
        int[][] shift = new int[TAUS.length][4];
        count(ex, TrainReasoner.examples(shifted), l2, shift);
        print("heldout16+18", shift);
    }

    private static void print(String name, int[][] n) {
        for (int t = 0; t < TAUS.length; t++) System.out.println(String.format(Locale.ROOT,
                "%s tau %.2f: words cases right %d/%d desc+paste, %d/%d paste", name, TAUS[t], n[t][0],
                n[t][2], n[t][1], n[t][3]));
    }

    private static void count(List<TrainReasoner.Example> train, List<TrainReasoner.Example> test, double l2,
                              int[][] n) {
        LinearModel cat = TrainReasoner.fit(train, e -> e.c().category(), l2)
                .withScalar(Reasoner.PRIOR_SCALE, TrainReasoner.priorScale);
        LinearModel phase = TrainReasoner.fitPhase(train, TrainReasoner.phaseL2);
        Reasoner r = new Reasoner(new FeatureExtractor(), cat, phase);
        for (var e : test) {
            if (!PhaseSources.source(e.x()).equals("words")) continue;
            String cause = r.conclude(e.evidence(), e.x()).hypotheses().get(0).category().json();
            double[] p = phase.probabilities(Reasoner.withCause(e.x(), cause));
            List<String> labels = phase.labels();
            int best = 0;
            for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
            String learned = labels.get(best);
            List<String> said = e.x().values().keySet().stream().filter(s -> s.startsWith("words-phase:"))
                    .map(s -> s.substring("words-phase:".length())).sorted().toList();
            for (int t = 0; t < TAUS.length; t++) {
                String out = learned;
                if (!said.contains(learned)) {
                    String top = null;
                    for (String s : said) {
                        int i = labels.indexOf(s);
                        if (i >= 0 && p[i] >= TAUS[t] && (top == null || p[i] > p[labels.indexOf(top)])) top = s;
                    }
                    if (top != null) out = top;
                }
                boolean hit = out.equals(e.c().phase());
                if (hit) n[t][0]++;
                if (hit && !e.withDescription()) n[t][1]++;
                n[t][2]++;
                if (!e.withDescription()) n[t][3]++;
            }
        }
    }
}
