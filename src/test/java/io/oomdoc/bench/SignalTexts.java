package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.Signal;
import io.oomdoc.protocol.Signals;
import io.oomdoc.protocol.reasoning.FeatureExtractor;

/**
 * Prints, for every trainable case (with and without its description), each reasoning row that holds and the
 * sentence it gives the report, then the sentences of the other features that carry one (time in the run, the
 * budget, a logged climb). Diffed before and after a change that should only move where the sentences are
 * written (a resource instead of Java), it shows the report text is unchanged. Run: bench/run.sh SignalTexts.
 */
public final class SignalTexts {
    public static void main(String[] args) {
        TrainReasoner.quiet();
        FeatureExtractor features = new FeatureExtractor();
        for (TrainReasoner.Example ex : TrainReasoner.examples(Corpus.trainable())) {
            String id = ex.c().id() + (ex.withDescription() ? " +d " : " -d ");
            for (Signal s : Signals.ALL) {
                String why = s.test().apply(ex.evidence());
                if (why != null) System.out.println(id + s.name() + ": " + why);
            }
            features.extract(ex.evidence()).reasons().forEach((k, why) -> {
                if (!k.startsWith("rule:")) System.out.println(id + k + ": " + why);
            });
        }
    }
}
