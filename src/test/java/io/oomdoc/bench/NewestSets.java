package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * diag28, diag29 (sets moved on each pool change): leave the newest sets out. Fits the category and phase weights and the coverage table on
 * Corpus.trainable() less corpus_heldout39, 40 and 41, with the bundled settings, and scores those three sets,
 * the ones most like the next unseen set (many stacks outside PyTorch training, many "other"). Prints the counts
 * (description + paste / paste alone), KB@3, and the label-only misses as (label -> said) pairs.
 * Run: bench/run.sh NewestSets
 */
public final class NewestSets {
    private static final java.util.regex.Pattern NEWEST = java.util.regex.Pattern.compile("heldout(?:39|40|41)\\.jsonl");

    private NewestSets() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<Case> pool = Corpus.trainable();
        var ex = TrainReasoner.examples(pool);
        var train = ex.stream().filter(e -> !NEWEST.matcher(e.c().file()).find()).toList();
        var test = ex.stream().filter(e -> NEWEST.matcher(e.c().file()).find()).toList();
        Scores s = CrossValidation.holdoutWithCoverage(train, test, l2);
        System.out.println("fit on trainable less heldout39-41 (" + train.size() / 2 + "), scored on them ("
                + test.size() / 2 + "), l2 " + l2 + ", " + TrainReasoner.wordSettings());
        System.out.println("all " + WordsCv.counts(s) + ", KB@3 "
                + s.outcomes().stream().filter(o -> o.withDescription() && o.kbHit()).count() + "/"
                + s.outcomes().stream().filter(o -> !o.withDescription() && o.kbHit()).count());
        // diag34: set 32 was read while its KB labels were completed, so each set is also given apart.
        for (String set : List.of("heldout39", "heldout40", "heldout41")) {
            Scores part = new Scores(s.outcomes().stream().filter(o -> o.c().file().contains(set + ".jsonl")).toList());
            System.out.println(set + " " + WordsCv.counts(part) + ", KB@3 "
                    + part.outcomes().stream().filter(o -> o.withDescription() && o.kbHit()).count() + "/"
                    + part.outcomes().stream().filter(o -> !o.withDescription() && o.kbHit()).count());
        }
        Map<String, Integer> misses = new TreeMap<>();
        for (Scores.Outcome o : s.outcomes()) {
            if (o.c().category().equals(o.category())) continue;
            misses.merge((o.withDescription() ? "d " : "p ") + o.c().category() + " -> " + o.category(), 1,
                    Integer::sum);
        }
        misses.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(30)
                .forEach(e -> System.out.println(e.getValue() + "\t" + e.getKey()));
        if (List.of(args).contains("--outcomes")) for (Scores.Outcome o : s.outcomes())
            System.out.println(String.join("\t", o.c().id(), o.withDescription() ? "d" : "p", o.c().category(),
                    o.category(), String.valueOf(o.top3()), o.c().phase(), o.phase()));
    }
}
