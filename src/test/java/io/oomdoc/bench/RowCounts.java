package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts, for a candidate row's regex, the labelled phases (and categories, KB ids) of the reports whose description + paste
 * matches it: the evidence a phase or cue row is chosen on. Development9 only (the final split is never read);
 * --with-burned adds corpus_heldout10 and 11; --trainable pools Corpus.trainable() instead, and --tuning keeps only
 * its tuning folds (Corpus.fold 0-2 of 5, the folds diag19b read; folds 3-4 are only scored).
 * Run: bench/run.sh RowCounts [--with-burned | --trainable [--tuning]] [--ids] [--category C] REGEX
 */
public final class RowCounts {
    private RowCounts() {}

    public static void main(String[] args) {
        List<String> a = List.of(args);
        List<Case> pool = new ArrayList<>(a.contains("--trainable") ? Corpus.trainable() : Corpus.development9());
        if (a.contains("--tuning")) pool.removeIf(c -> Corpus.fold(c, TrainReasoner.FOLDS) > 2);
        if (a.contains("--with-burned")) {
            pool.addAll(Corpus.heldout10());
            pool.addAll(Corpus.heldout11());
        }
        Pattern p = Pattern.compile(args[args.length - 1]);
        Map<String, Integer> phases = new TreeMap<>();
        Map<String, Integer> cats = new TreeMap<>();
        Map<String, Integer> kbs = new TreeMap<>();
        int only = a.indexOf("--category");
        for (Case c : pool) {
            if (only >= 0 && !c.category().equals(args[only + 1])) continue;
            var m = p.matcher(c.withDescription().toLowerCase(Locale.ROOT));
            if (!m.find()) continue;
            phases.merge(c.phase(), 1, Integer::sum);
            cats.merge(c.category(), 1, Integer::sum);
            for (String k : c.kb()) kbs.merge(k, 1, Integer::sum);
            if (a.contains("--ids")) System.out.println("- " + c.id() + " [" + c.phase() + "] \"" + m.group() + "\"");
        }
        System.out.println("of " + pool.size() + ": phases " + phases + "\ncategories " + cats + "\nKB ids " + kbs);
    }
}
