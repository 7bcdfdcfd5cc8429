package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.util.List;
import java.util.Locale;

/**
 * Sixteenth session (diag16): the cross-validated phase misses over Corpus.trainable() (development data only; the
 * burned sets it holds are named in bench/results.md), one mode, optionally one (label -> said) pair, with what the
 * phase model read: phase features, the innermost frames, the reporter's words and the paste's head.
 * With --cause the pair is (category label -> said) and the top-1 misses are listed with every non-word feature.
 * --tuning lists only the tuning folds (Corpus.fold 0-2 of 5): diag19b read those and left folds 3-4 unread.
 * Run: bench/run.sh PhaseMissesTrainable [--paste] [--cause] [--tuning] [LABEL SAID]
 */
public final class PhaseMissesTrainable {
    private PhaseMissesTrainable() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<String> a = List.of(args);
        boolean desc = !a.contains("--paste");
        boolean cause = a.contains("--cause");
        List<String> pair = a.stream().filter(s -> !s.startsWith("--")).toList();
        var ex = TrainReasoner.examples(Corpus.trainable());
        Scores s = CrossValidation.run(ex, l2, TrainReasoner.FOLDS);
        for (var o : s.outcomes()) {
            if (o.withDescription() != desc || (cause ? o.top1() : o.phaseHit())) continue;
            if (a.contains("--tuning") && Corpus.fold(o.c(), TrainReasoner.FOLDS) > 2) continue;
            String label = cause ? o.c().category() : o.c().phase();
            String said = cause ? o.category() : o.phase();
            if (pair.size() == 2 && !(label.equals(pair.get(0)) && said.equals(pair.get(1)))) continue;
            var e = ex.stream().filter(x -> x.c() == o.c() && x.withDescription() == desc).findFirst().orElseThrow();
            var feats = e.x().values().keySet().stream().filter(k -> cause || Reasoner16.phaseInput(k)).filter(k -> !k.startsWith("w:")
                    && !k.startsWith("lw:")).sorted().toList();
            var frames = e.evidence().trace() == null ? List.<String>of() : e.evidence().trace().frames().stream()
                    .map(f -> f.function()).toList();
            if (frames.size() > 6) frames = frames.subList(0, 6);
            String ctx = o.c().context().replace('\n', ' ');
            String paste = o.c().paste().replace("\n", " | ");
            System.out.printf(Locale.ROOT, "## %s: phase %s said %s | cat %s said %s%n  feats %s%n  frames %s%n"
                    + "  ctx: %s%n  paste: %s%n", o.c().id(), o.c().phase(), o.phase(), o.c().category(),
                    o.category(), feats, frames, ctx.substring(0, Math.min(400, ctx.length())),
                    paste.substring(0, Math.min(500, paste.length())));
        }
    }

    /** The phase model's inputs, as Reasoner.withCause keeps them. */
    static final class Reasoner16 {
        static boolean phaseInput(String k) {
            var x = new io.oomdoc.protocol.reasoning.FeatureVector(java.util.Map.of(k, 1.0), java.util.Map.of());
            return io.oomdoc.protocol.reasoning.Reasoner.withCause(x, "other").values().containsKey(k);
        }
    }
}
