package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;

/**
 * Seventeenth session (diag17): the cases whose phase changes, under the bundled weights, when it is averaged over
 * the causes instead of read from the first cause: trainable and the burned heldout16 and 18, both modes (in-sample
 * for trainable: to find test cases, not a figure). Run: bench/run.sh PhaseMixFlips
 */
public final class PhaseMixFlips {
    private PhaseMixFlips() {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.useBundledWordSettings();
        List<Case> cases = new ArrayList<>(Corpus.trainable());
        cases.addAll(Corpus.heldout16());
        cases.addAll(Corpus.heldout18());
        Reasoner mixed = Reasoner.bundled(), first = mixed.withPhaseFromFirstCause();
        for (var e : TrainReasoner.examples(cases)) {
            String a = first.conclude(e.evidence(), e.x()).phase(), b = mixed.conclude(e.evidence(), e.x()).phase();
            if (a.equals(b)) continue;
            System.out.println((e.withDescription() ? "desc " : "paste ") + e.c().id() + " (" + e.c().source() + ", "
                    + e.c().file() + ") label " + e.c().phase() + ": first cause " + a + ", mixed " + b
                    + (b.equals(e.c().phase()) ? "  RIGHT" : a.equals(e.c().phase()) ? "  LOST" : ""));
        }
    }
}
