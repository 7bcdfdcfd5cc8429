package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

/**
 * One line per corpus_heldout16 report and mode (burned since the fourteenth session): its KB ids wanted and given,
 * its label and the top three, under the bundled weights and KB table, to diff two builds (diag15 found which commit
 * moved KB recall@3 with it). Run: bench/run.sh HeldOutKbPerCase
 */
public final class HeldOutKbPerCase {
    public static void main(String[] args) {
        TrainReasoner.quiet();
        Scores s = CrossValidation.bundled(TrainReasoner.examples(Corpus.heldout16()));
        for (var o : s.outcomes()) {
            System.out.printf("%s desc=%s kbHit=%s want=%s got=%s cat=%s said=%s top3=%s%n", o.c().id(),
                    o.withDescription(), o.kbHit(), o.c().kb(), o.kb().subList(0, Math.min(3, o.kb().size())),
                    o.c().category(), o.category(), o.top3());
        }
    }
}
