package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tenth session (phase10): grouped 5-fold CV by repository over Corpus.development8() (dev + heldout5..8, 561
 * cases). Folds 0-2 are the tuning folds (their misses may be listed and read); folds 3-4 are the report folds:
 * their figures are printed, their misses never, so a change written while reading misses is scored on cases it
 * was not shaped on. --heldout9 scores corpus_heldout9 by the bundled weights (fitted without it; burned since the
 * ninth session, so its misses may be read) and lists its phase, KB, number and no-report misses.
 * --dump FILE writes one tab-separated line per tuning-fold CV answer (labels, top three with confidences, KB ids
 * shown, phase, features).
 * Run: bench/run.sh PhaseKbFold [--heldout9 | --misses | --dump FILE]
 */
public final class PhaseKbFold {
    /** The folds whose misses may be read; the others are only scored. */
    static final Set<Integer> TUNING_FOLDS = Set.of(0, 1, 2);

    private PhaseKbFold() {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        double l2 = TraceBench.bundledL2();
        TrainReasoner.phaseL2 = Double.parseDouble(System.getProperty("oomdoc.phaseL2",
                String.valueOf(TraceBench.bundled("phase-l2 ([0-9.]+)", TrainReasoner.phaseL2))));
        TrainReasoner.priorScale = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).scalar(Reasoner.PRIOR_SCALE);
        String how = ", l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2;
        if (List.of(args).contains("--heldout9")) {
            List<Case> h9 = Corpus.heldout9();
            List<TrainReasoner.Example> ex9 = TrainReasoner.examples(h9);
            Scores s = CrossValidation.bundled(ex9);
            int d9 = List.of(args).indexOf("--dump");
            if (d9 >= 0) dump(s, ex9, java.nio.file.Path.of(args[d9 + 1]));
            System.out.println(s.table("corpus_heldout9 (" + h9.size() + " cases), bundled weights"));
            System.out.println(s.phaseConfusion());
            System.out.println("Phase misses (description + paste):\n" + s.phaseMisses(true, 500));
            System.out.println("Phase misses (paste alone):\n" + s.phaseMisses(false, 500));
            System.out.println("KB and number misses:\n" + s.otherMisses(500));
            System.out.println("No report:\n" + s.unreportedList(500));
            return;
        }
        List<Case> all = Corpus.development8();
        List<TrainReasoner.Example> examples = TrainReasoner.examples(all);
        Scores cv = CrossValidation.run(examples, l2, TrainReasoner.FOLDS);
        String cvHow = ", grouped " + TrainReasoner.FOLDS + "-fold CV over dev + heldout5..8 (" + all.size()
                + " cases)" + how;
        Predicate<Scores.Outcome> tuning = o -> TUNING_FOLDS.contains(Corpus.fold(o.c(), TrainReasoner.FOLDS));
        Scores tune = new Scores(cv.outcomes().stream().filter(tuning).toList());
        Scores report = new Scores(cv.outcomes().stream().filter(tuning.negate()).toList());
        System.out.println(cv.table("All" + cvHow));
        System.out.println(tune.table("Tuning folds " + TUNING_FOLDS + cvHow));
        System.out.println(report.table("Report folds (never read)" + cvHow));
        for (Scores part : List.of(tune, report)) {
            // exact counts behind the rounded shares, so a one-case move is visible
            System.out.printf("counts (desc/paste): top-1 %d/%d, phase %d/%d, KB@3 %d/%d of %d/%d%n",
                    count(part, true, Scores.Outcome::top1), count(part, false, Scores.Outcome::top1),
                    count(part, true, Scores.Outcome::phaseHit), count(part, false, Scores.Outcome::phaseHit),
                    count(part, true, Scores.Outcome::kbHit), count(part, false, Scores.Outcome::kbHit),
                    count(part, true, o -> true), count(part, false, o -> true));
        }
        System.out.println(tune.phaseConfusion());
        int dump = List.of(args).indexOf("--dump");
        if (dump >= 0) dump(tune, examples, java.nio.file.Path.of(args[dump + 1]));
        if (List.of(args).contains("--misses")) {
            System.out.println("Phase misses, tuning folds (description + paste):\n" + tune.phaseMisses(true, 500));
            System.out.println("Phase misses, tuning folds (paste alone):\n" + tune.phaseMisses(false, 500));
            System.out.println("KB and number misses, tuning folds:\n" + tune.otherMisses(500));
            System.out.println("No report, tuning folds:\n" + tune.unreportedList(500));
        }
    }

    private static long count(Scores s, boolean desc, Predicate<Scores.Outcome> p) {
        return s.outcomes().stream().filter(o -> o.withDescription() == desc).filter(p).count();
    }

    private static void dump(Scores cv, List<TrainReasoner.Example> examples, java.nio.file.Path file)
            throws java.io.IOException {
        java.util.Map<String, String> features = new java.util.HashMap<>();
        for (var e : examples) {
            features.put(e.c().id() + e.withDescription(), String.join("|", new java.util.TreeSet<>(e.x().values()
                    .keySet())));
        }
        StringBuilder sb = new StringBuilder();
        for (Scores.Outcome o : cv.outcomes()) {
            sb.append(String.join("\t", o.c().id(), o.withDescription() ? "desc" : "paste", o.c().category(),
                    String.join(",", o.c().kb()), String.join(",", o.top3()), o.confidences().toString(),
                    String.join(",", o.kb()), o.c().phase(), o.phase(),
                    features.get(o.c().id() + o.withDescription()))).append('\n');
        }
        java.nio.file.Files.writeString(file, sb.toString());
    }
}
