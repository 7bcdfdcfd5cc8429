package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;

/**
 * Seventeenth session (diag17): the per-case misses of corpus_heldout18 (burned; read for development) under the
 * bundled weights, phase and category, both modes. Not for an unread set. Run: bench/run.sh ReadMisses
 */
public final class ReadMisses {
    private ReadMisses() {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.useBundledWordSettings();
        List<Case> cases = Corpus.heldout18();
        Scores h = CrossValidation.bundled(TrainReasoner.examples(cases));
        System.out.println(h.table("corpus_heldout18 (burned, read)"));
        System.out.println("phase misses, desc+paste\n" + h.phaseMisses(true, 200));
        System.out.println("phase misses, paste\n" + h.phaseMisses(false, 200));
        System.out.println("top-1 misses, desc+paste\n" + h.misses(true, 200));
        System.out.println("alternative only, desc+paste\n" + h.alternativeOnly(200));
        System.out.println(h.phaseConfusion());
        var ex = TrainReasoner.examples(cases);
        for (int i = 0; i < ex.size(); i++) {
            var o = h.outcomes().get(i);
            if (o.phaseHit()) continue;
            System.out.println("PHASE " + (o.withDescription() ? "desc " : "paste ") + o.c().id() + " " + o.c().phase()
                    + " said " + o.phase() + " via " + PhaseSources.source(ex.get(i).x()) + ": " + ex.get(i).x()
                    .values().keySet().stream().filter(s -> s.contains("phase") || s.startsWith("cause")).sorted()
                    .toList());
        }
    }
}
