package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the labels fall among the cases (dev + corpus_heldout5, description + paste) whose features match a regex:
 * a check that a candidate rule or constraint holds across repositories before it is written.
 * Run: bench/run.sh FeatureCounts 'iteration:(?:middle|late)|epoch:later' [--list]
 */
public final class FeatureCounts {
    private FeatureCounts() {}

    public static void main(String[] args) {
        Pattern p = Pattern.compile(args[0]);
        boolean list = args.length > 1 && args[1].equals("--list");
        Map<String, Integer> byLabel = new TreeMap<>();
        for (var e : TrainReasoner.examples(Corpus.trainable())) {
            if (!e.withDescription()) continue;
            var hit = e.x().values().keySet().stream().filter(k -> p.matcher(k).matches()).toList();
            if (hit.isEmpty()) continue;
            byLabel.merge(e.c().category(), 1, Integer::sum);
            if (list) System.out.println(e.c().id() + " (" + e.c().group() + "): " + e.c().category() + " "
                    + e.c().alternatives() + " " + hit);
        }
        System.out.println(byLabel);
    }
}
