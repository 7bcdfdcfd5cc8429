package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seventeenth session (diag17): the phase under the bundled weights on writers they were not fitted on (the burned
 * corpus_heldout16 and 18, both read), grouped by the strongest phase evidence a case carries (PhaseSources.source:
 * frame, killed loader worker, the reporter's words, none), to set beside the same grouping of the CV
 * (bench/run.sh PhaseSources). Run: bench/run.sh ShiftSources
 */
public final class ShiftSources {
    private ShiftSources() {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.useBundledWordSettings();
        List<Case> cases = new ArrayList<>(Corpus.heldout16());
        cases.addAll(Corpus.heldout18());
        var ex = TrainReasoner.examples(cases);
        Scores s = CrossValidation.bundled(ex);
        Map<String, int[]> hits = new TreeMap<>();
        Map<String, Map<String, Integer>> pairs = new TreeMap<>();
        for (int i = 0; i < ex.size(); i++) {
            var o = s.outcomes().get(i);
            String src = PhaseSources.source(ex.get(i).x()) + (o.withDescription() ? " desc" : " paste");
            hits.computeIfAbsent(src, k -> new int[2])[o.phaseHit() ? 0 : 1]++;
            if (!o.phaseHit()) pairs.computeIfAbsent(src, k -> new TreeMap<>()).merge(o.c().phase() + "->"
                    + o.phase(), 1, Integer::sum);
        }
        for (var h : hits.entrySet()) System.out.println(h.getKey() + ": right " + h.getValue()[0] + " wrong "
                + h.getValue()[1] + "  " + pairs.getOrDefault(h.getKey(), Map.of()));
    }
}
