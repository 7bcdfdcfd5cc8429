package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the labels fall among the cases (dev + corpus_heldout5 + corpus_heldout6, description + paste) whose features
 * match a regex: a check that a candidate rule or constraint holds across repositories before it is written.
 * --phase counts the phase labels instead of the categories; --text matches the regex (found, case-insensitive)
 * in the description + paste instead of the feature names. Over Corpus.trainable().
 * Run: bench/run.sh FeatureCounts 'iteration:(?:middle|late)|epoch:later' [--list] [--phase] [--text]
 */
public final class FeatureCounts {
    private FeatureCounts() {}

    public static void main(String[] args) {
        Pattern p = Pattern.compile(args[0]);
        boolean list = List.of(args).contains("--list");
        boolean phase = List.of(args).contains("--phase");
        boolean text = List.of(args).contains("--text");
        Pattern t = Pattern.compile(args[0], Pattern.CASE_INSENSITIVE);
        List<io.oomdoc.corpus.Case> cases = Corpus.trainable();
        Map<String, Integer> byLabel = new TreeMap<>();
        for (var e : TrainReasoner.examples(cases)) {
            if (!e.withDescription()) continue;
            var hit = text ? (t.matcher(e.c().withDescription()).find() ? List.of("text") : List.<String>of())
                    : e.x().values().keySet().stream().filter(k -> p.matcher(k).matches()).toList();
            if (hit.isEmpty()) continue;
            byLabel.merge(phase ? e.c().phase() : e.c().category(), 1, Integer::sum);
            if (list) System.out.println(e.c().id() + " (" + e.c().group() + "): " + e.c().category() + " "
                    + e.c().alternatives() + " " + e.c().phase() + " " + hit);
        }
        System.out.println(byLabel);
    }
}
