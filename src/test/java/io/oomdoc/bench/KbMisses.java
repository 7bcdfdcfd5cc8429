package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

/**
 * Lists the cross-validated KB recall@3 misses of the development part (never the final split): the labeled ids,
 * the three oomdoc gave, and the categories. Run: bench/run.sh KbMisses
 */
public final class KbMisses {
    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.phaseL2 = TraceBench.bundled("phase-l2 ([0-9.]+)", TrainReasoner.phaseL2);
        TrainReasoner.priorScale = io.oomdoc.protocol.reasoning.LinearModel.resource(
                io.oomdoc.protocol.reasoning.Reasoner.CATEGORY_WEIGHTS).scalar(
                io.oomdoc.protocol.reasoning.Reasoner.PRIOR_SCALE);
        var ex = TrainReasoner.examples(Corpus.development());
        Scores s = CrossValidation.run(ex, TraceBench.bundledL2(), TrainReasoner.FOLDS);
        for (var o : s.outcomes()) {
            if (!o.withDescription() || o.kbHit()) continue;
            System.out.printf("%s: want %s got %s | cat %s said %s (top3 %s)%n", o.c().id(), o.c().kb(),
                    o.kb().subList(0, Math.min(3, o.kb().size())), o.c().category(), o.category(), o.top3());
        }
    }
}
