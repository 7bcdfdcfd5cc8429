package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;

/**
 * The summary table of corpus_heldout17 under the bundled weights, and nothing else: no per-case line, no confusion
 * matrix, no development CV (TraceBench --heldout17 runs those too). A transfer check for a set scored once and
 * never read. Run: bench/run.sh BlindTotals
 */
public final class BlindTotals {
    private BlindTotals() {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.useBundledWordSettings();
        List<Case> cases = Corpus.heldout17();
        Scores h = CrossValidation.bundled(TrainReasoner.examples(cases));
        System.out.println(h.table("17th split, corpus_heldout17 (" + cases.size() + " cases, "
                + cases.stream().map(Case::group).distinct().count() + " groups), bundled weights"));
    }
}
