package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.util.Locale;

/**
 * Scratch table (diag19a): for each trainable report and input mode whose budget has a card, the label and the share
 * of the card that weights, gradients and optimizer state take by the budget engine. Development data only.
 * Run: bench/run.sh FixedShareDump > FILE
 */
public final class FixedShareDump {
    private FixedShareDump() {}

    public static void main(String[] args) {
        TrainReasoner.quiet();
        for (var e : TrainReasoner.examples(Corpus.trainable())) {
            var b = e.evidence().budget();
            if (b == null || b.gpuBytes() == null) continue;
            var t = b.perGpuBytes();
            double share = (t.weights() + t.gradients() + t.optimizer()) / (double) b.gpuBytes();
            System.out.println(String.format(Locale.ROOT, "%s\t%s\t%s\t%.3f\t%s\t%s", e.c().id(),
                    e.withDescription() ? "desc" : "paste", e.c().category(), share, b.fits(),
                    String.join(",", e.c().alternatives())));
        }
    }
}
