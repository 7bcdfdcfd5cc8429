package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Twentieth session (diag20b, issue 12): phase accuracy and KB recall@3 over Corpus.trainable() by grouped 5-fold
 * CV by repository, refit per fold with the bundled hyperparameters, each input mode apart; the tuning folds (0-2,
 * whose misses may be read) and the report folds (3-4, scored only) apart; the phase confusion matrix per mode
 * (rows the label, columns what was said) and how often unknown is said against labelled.
 * --transfer also fits on the whole trainable pool and scores the burned corpus_heldout22 and 23, which the bundled
 * weights were never fitted on (totals only: their misses are not listed, so nothing is shaped on them).
 * --kb-misses lists the tuning folds' KB misses (label, said cause, ids shown, ids labelled).
 * --phase-l2 A,B,.. runs the CV once per value of the phase model's regularisation and prints the tuning and the
 * report folds apart: a value is chosen on folds 0-2 and reported on folds 3-4.
 * --dump FILE writes the CV answers for trying KB choices offline.
 * --transfer-only skips the CV.
 * Run: bench/run.sh PhaseKbCv [--transfer | --transfer-only] [--kb-misses] [--phase-l2 A,B,..] [--dump FILE]
 */
public final class PhaseKbCv {
    private PhaseKbCv() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<String> a = List.of(args);
        List<Case> pool = Corpus.trainable();
        List<TrainReasoner.Example> examples = TrainReasoner.examples(pool);
        if (a.contains("--transfer-only")) {
            transfer(pool, examples, l2);
            return;
        }
        int dump = a.indexOf("--dump");
        if (dump >= 0) dump(CrossValidation.run(examples, l2, TrainReasoner.FOLDS), examples, args[dump + 1]);
        int grid = a.indexOf("--phase-l2");
        if (grid >= 0) {
            for (String v : args[grid + 1].split(",")) {
                TrainReasoner.phaseL2 = Double.parseDouble(v);
                List<Scores.Outcome> os = CrossValidation.run(examples, l2, TrainReasoner.FOLDS).outcomes();
                System.out.println("phase-l2 " + v);
                System.out.println(line("  folds 0-2", os.stream().filter(o -> Corpus.fold(o.c(), 5) <= 2).toList()));
                System.out.println(line("  folds 3-4", os.stream().filter(o -> Corpus.fold(o.c(), 5) > 2).toList()));
            }
            return;
        }
        Scores cv = CrossValidation.run(examples, l2, TrainReasoner.FOLDS);
        System.out.println("grouped " + TrainReasoner.FOLDS + "-fold CV by repository over trainable (" + pool.size()
                + "), l2 " + l2 + ", phase-l2 " + TrainReasoner.phaseL2 + ", " + TrainReasoner.wordSettings());
        Predicate<Scores.Outcome> tuning = o -> Corpus.fold(o.c(), TrainReasoner.FOLDS) <= 2;
        System.out.println(line("all        ", cv.outcomes()));
        System.out.println(line("folds 0-2  ", cv.outcomes().stream().filter(tuning).toList()));
        System.out.println(line("folds 3-4  ", cv.outcomes().stream().filter(tuning.negate()).toList()));
        for (boolean desc : new boolean[]{true, false}) {
            System.out.println(matrix(cv.outcomes().stream().filter(o -> o.withDescription() == desc).toList(),
                    desc ? "description + paste" : "paste alone"));
        }
        if (a.contains("--transfer")) transfer(pool, examples, l2);
        if (a.contains("--kb-misses")) {
            cv.outcomes().stream().filter(tuning).filter(o -> !o.kbHit()).forEach(o -> System.out.printf(Locale.ROOT,
                    "%s %s %s cause %s said %s phase %s fw %s shown %s labelled %s%n",
                    o.withDescription() ? "desc " : "paste", o.c().id(), o.c().group(), o.c().category(), o.category(),
                    o.c().phase(), o.c().framework(), o.kb().subList(0, Math.min(3, o.kb().size())), o.c().kb()));
        }
    }

    /**
     * One tab-separated line per CV answer, for trying KB choices offline: id, mode, fold, labelled cause, labelled
     * ids, said phase, whether the allocator's figures were decoded, the top three causes with confidences, the ids
     * shown, the non-word features.
     */
    static void dump(Scores cv, List<TrainReasoner.Example> examples, String file) throws java.io.IOException {
        Map<String, TrainReasoner.Example> byKey = new java.util.HashMap<>();
        for (var e : examples) byKey.put(e.c().id() + e.withDescription(), e);
        StringBuilder sb = new StringBuilder();
        for (var o : cv.outcomes()) {
            var e = byKey.get(o.c().id() + o.withDescription());
            sb.append(String.join("\t", o.c().id(), o.withDescription() ? "desc" : "paste",
                    String.valueOf(Corpus.fold(o.c(), TrainReasoner.FOLDS)), o.c().category(),
                    String.join(",", o.c().kb()), o.phase(), String.valueOf(!e.evidence().numbers().isEmpty()),
                    String.join(",", o.top3()),
                    o.confidences().toString(), String.join(",", o.kb()), String.join(",", new TreeSet<>(e.x().values()
                            .keySet().stream().filter(k -> !k.startsWith("w:") && !k.startsWith("lw:")).toList()))))
                    .append('\n');
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(file), sb.toString());
    }

    private static void transfer(List<Case> pool, List<TrainReasoner.Example> examples, double l2) {
        List<Case> unseen = new ArrayList<>(Corpus.heldout22());
        unseen.addAll(Corpus.heldout23());
        Scores t = CrossValidation.holdoutWithCoverage(examples, TrainReasoner.examples(unseen), l2);
        System.out.println(line("fit on trainable (" + pool.size() + "), scored on heldout22+23 (" + unseen.size()
                + ")", t.outcomes()));
    }

    /** Exact counts per mode (description + paste / paste alone), so a one-case move is visible. */
    static String line(String title, List<Scores.Outcome> os) {
        return String.format(Locale.ROOT, "%s phase %d/%d, KB@3 %d/%d, top-1 %d/%d of %d/%d", title,
                count(os, true, Scores.Outcome::phaseHit), count(os, false, Scores.Outcome::phaseHit),
                count(os, true, Scores.Outcome::kbHit), count(os, false, Scores.Outcome::kbHit),
                count(os, true, Scores.Outcome::top1), count(os, false, Scores.Outcome::top1),
                count(os, true, o -> true), count(os, false, o -> true));
    }

    private static long count(List<Scores.Outcome> os, boolean desc, Predicate<Scores.Outcome> p) {
        return os.stream().filter(o -> o.withDescription() == desc).filter(p).count();
    }

    /** Rows the labelled phase, columns the phase said, with each row's total and the column totals. */
    static String matrix(List<Scores.Outcome> os, String mode) {
        TreeSet<String> phases = new TreeSet<>();
        Map<String, Map<String, Integer>> m = new TreeMap<>();
        for (var o : os) {
            phases.add(o.c().phase());
            phases.add(o.phase());
            m.computeIfAbsent(o.c().phase(), k -> new TreeMap<>()).merge(o.phase(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder("phase confusion, " + mode + " (rows labelled, columns said)\n");
        sb.append(String.format(Locale.ROOT, "%-15s", ""));
        for (String p : phases) sb.append(String.format(Locale.ROOT, "%7.7s", p));
        sb.append("  label\n");
        Map<String, Integer> said = new TreeMap<>();
        for (String row : phases) {
            sb.append(String.format(Locale.ROOT, "%-15s", row));
            int total = 0;
            for (String col : phases) {
                int n = m.getOrDefault(row, Map.of()).getOrDefault(col, 0);
                total += n;
                said.merge(col, n, Integer::sum);
                sb.append(String.format(Locale.ROOT, "%7d", n));
            }
            sb.append(String.format(Locale.ROOT, "  %5d%n", total));
        }
        sb.append(String.format(Locale.ROOT, "%-15s", "said"));
        for (String col : phases) sb.append(String.format(Locale.ROOT, "%7d", said.getOrDefault(col, 0)));
        return sb.append('\n').toString();
    }
}
