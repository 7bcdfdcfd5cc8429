package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;

/**
 * The summary table of a burned, unread blind set under the bundled weights, and nothing else: no per-case line, no
 * confusion matrix, no development CV (TraceBench --heldoutN runs those too). A transfer check for a set scored once
 * and never read. Run: bench/run.sh BlindTotals [17|19|22] (default 17)
 */
public final class BlindTotals {
    private BlindTotals() {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.useBundledWordSettings();
        String set = args.length > 0 ? args[0] : "17";
        List<Case> cases = switch (set) {
            case "17" -> Corpus.heldout17();
            case "19" -> Corpus.heldout19();
            case "22" -> Corpus.heldout22();
            default -> throw new IllegalArgumentException("only the unread sets 17, 19 and 22: " + set);
        };
        Scores h = CrossValidation.bundled(TrainReasoner.examples(cases));
        System.out.println(h.table(set + "th split, corpus_heldout" + set + " (" + cases.size() + " cases, "
                + cases.stream().map(Case::group).distinct().count() + " groups), bundled weights"));
    }
}
