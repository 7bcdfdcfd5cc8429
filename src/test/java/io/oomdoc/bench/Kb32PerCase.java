package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

/**
 * diag34: corpus_heldout32 gave KB recall@3 0.47 blind where earlier sets gave 0.83-0.91. Fits the weights and the
 * coverage table on Corpus.trainable() less that set (as it was when scored blind) and prints one line per report and
 * mode: KB ids wanted and the three given, the label, the top three. Run: bench/run.sh Kb32PerCase
 */
public final class Kb32PerCase {
    private Kb32PerCase() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        var ex = TrainReasoner.examples(Corpus.trainable());
        var train = ex.stream().filter(e -> !e.c().file().contains("heldout32.jsonl")).toList();
        var test = ex.stream().filter(e -> e.c().file().contains("heldout32.jsonl")).toList();
        Scores s = CrossValidation.holdoutWithCoverage(train, test, l2);
        for (var o : s.outcomes()) {
            System.out.printf("%s %s kbHit=%s want=%s got=%s cat=%s said=%s top3=%s%n", o.c().id(),
                    o.withDescription() ? "d" : "p", o.kbHit(), o.c().kb(),
                    o.kb().subList(0, Math.min(3, o.kb().size())), o.c().category(), o.category(), o.top3());
        }
        System.out.println("KB@3 " + s.outcomes().stream().filter(o -> o.withDescription() && o.kbHit()).count() + "/"
                + s.outcomes().stream().filter(o -> !o.withDescription() && o.kbHit()).count() + " of "
                + test.size() / 2);
    }
}
