package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.Signal;
import io.oomdoc.protocol.Signals;

/**
 * Prints, for every trainable case (with and without its description), each reasoning row that holds and the
 * sentence it gives the report. Diffed before and after a change that should only move where the sentences are
 * written (a resource instead of Java), it shows the report text is unchanged. Run: bench/run.sh SignalTexts.
 */
public final class SignalTexts {
    public static void main(String[] args) {
        TrainReasoner.quiet();
        for (TrainReasoner.Example ex : TrainReasoner.examples(Corpus.trainable())) {
            for (Signal s : Signals.ALL) {
                String why = s.test().apply(ex.evidence());
                if (why != null) System.out.println(ex.c().id() + (ex.withDescription() ? " +d " : " -d ") + s.name()
                        + ": " + why);
            }
        }
    }
}
