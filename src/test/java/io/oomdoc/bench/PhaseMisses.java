package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.util.Locale;

/**
 * Lists the cross-validated phase misses of the development part (never the final split) with the evidence the
 * phase model read: the frame-phase feature, the phase cues, the last frames and the reporter's words.
 * Run: bench/run.sh PhaseMisses
 */
public final class PhaseMisses {
    /** How often each phase feature agrees with the label (description + paste): a feature that is right
     *  nearly always could be a rule; one that is often wrong needs its phrase narrowed. */
    static void stats(java.util.List<TrainReasoner.Example> ex) {
        java.util.Map<String, int[]> m = new java.util.TreeMap<>();
        for (var e : ex) {
            if (!e.withDescription()) continue;
            for (String k : e.x().values().keySet()) {
                if (!k.matches("(?:frame|trace|words)-phase:.*")) continue;
                int[] c = m.computeIfAbsent(k, x -> new int[2]);
                c[0]++;
                if (k.endsWith(":" + e.c().phase())) c[1]++;
                else if (java.util.List.of(System.getProperty("show", "").split(",")).contains(k))
                    System.out.println("  wrong " + k + " on " + e.c().id() + " (label " + e.c().phase() + "): "
                            + e.x().reasons().get(k));
            }
        }
        m.forEach((k, c) -> System.out.printf(Locale.ROOT, "%-28s fires %3d, label agrees %3d%n", k, c[0], c[1]));
    }

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.phaseL2 = TraceBench.bundled("phase-l2 ([0-9.]+)", TrainReasoner.phaseL2);
        TrainReasoner.priorScale = io.oomdoc.protocol.reasoning.LinearModel.resource(
                io.oomdoc.protocol.reasoning.Reasoner.CATEGORY_WEIGHTS).scalar(
                io.oomdoc.protocol.reasoning.Reasoner.PRIOR_SCALE);
        var ex = TrainReasoner.examples(Corpus.development());
        stats(ex);
        if (java.util.List.of(args).contains("--stats")) return;
        Scores s = CrossValidation.run(ex, TraceBench.bundledL2(), TrainReasoner.FOLDS);
        for (var o : s.outcomes()) {
            if (!o.withDescription() || o.phaseHit()) continue;
            var e = ex.stream().filter(x -> x.c() == o.c() && x.withDescription()).findFirst().orElseThrow();
            var phaseFeatures = e.x().values().keySet().stream()
                    .filter(k -> k.matches("(?:frame|trace|words)-phase:.*|cue:.*|log:.*|iteration.*|kind:.*|phase.*"))
                    .sorted().toList();
            var frames = e.evidence().trace() == null ? java.util.List.<String>of() : e.evidence().trace().frames()
                    .stream().map(f -> f.function()).toList();
            if (frames.size() > 8) frames = frames.subList(frames.size() - 8, frames.size());
            String ctx = o.c().context().replace('\n', ' ');
            String tail = o.c().paste().replace('\n', ' ');
            System.out.printf(Locale.ROOT, "## %s: phase label %s said %s | cat %s said %s%n  feats %s%n  frames %s%n"
                    + "  ctx: %s%n  paste: %s%n", o.c().id(), o.c().phase(), o.phase(), o.c().category(), o.category(),
                    phaseFeatures, frames, ctx.substring(0, Math.min(300, ctx.length())),
                    tail.substring(0, Math.min(300, tail.length())));
        }
    }
}
