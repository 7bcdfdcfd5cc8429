package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.List;
import java.util.Set;

/**
 * Ninth session (phasekb9): corpus_heldout8 is the unseen fold of this round. Two checks: (1) with --unseen,
 * heldout8 diagnosed by the bundled weights (fitted without it), figures only, as for a blind split, so nobody
 * tunes on its cases; (2) by default, grouped 5-fold CV by repository over Corpus.development7() (dev + heldout5 +
 * heldout6 + heldout7), printed per part, with every miss listed under --misses. The final split is not read.
 * --dump FILE writes one tab-separated line per CV answer (labels, top three with confidences, KB ids shown, phase)
 * for reading the misses by class.
 * Run: bench/run.sh PhaseKbFold [--unseen | --misses | --dump FILE]
 */
public final class PhaseKbFold {
    private PhaseKbFold() {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        double l2 = TraceBench.bundledL2();
        TrainReasoner.phaseL2 = Double.parseDouble(System.getProperty("oomdoc.phaseL2",
                String.valueOf(TraceBench.bundled("phase-l2 ([0-9.]+)", TrainReasoner.phaseL2))));
        TrainReasoner.priorScale = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).scalar(Reasoner.PRIOR_SCALE);
        String how = ", l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2;
        if (List.of(args).contains("--unseen")) {
            TraceBench.scoreBlind("corpus_heldout8 as the unseen fold", Corpus.heldout8());
            return;
        }
        List<Case> all = Corpus.development7();
        List<TrainReasoner.Example> examples = TrainReasoner.examples(all);
        Scores cv = CrossValidation.run(examples, l2, TrainReasoner.FOLDS);
        String cvHow = ", grouped " + TrainReasoner.FOLDS + "-fold CV over dev + heldout5..7 (" + all.size()
                + " cases)" + how;
        System.out.println(cv.tablesByPart(cvHow));
        System.out.println(cv.phaseConfusion());
        int dump = List.of(args).indexOf("--dump");
        if (dump >= 0) dump(cv, examples, java.nio.file.Path.of(args[dump + 1]));
        if (List.of(args).contains("--misses")) {
            System.out.println("Phase misses (description + paste):\n" + cv.phaseMisses(true, 500));
            System.out.println("Phase misses (paste alone):\n" + cv.phaseMisses(false, 500));
            System.out.println("KB and number misses:\n" + cv.otherMisses(500));
        }
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
