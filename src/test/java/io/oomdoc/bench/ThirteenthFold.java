package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;

/**
 * Thirteenth session (words13): corpus_heldout13 as an unseen fold. Weights are fitted on Corpus.development11()
 * exactly as TrainReasoner fits them (the bundled l2, prior and phase-l2, and the word block as the oomdoc.words*
 * properties set it), then the 81 reports of heldout13 are diagnosed in both input modes. Only totals are printed:
 * no line names a case, so nobody can tune on it. Run it once on the code as found and once at the end of a change.
 * Run: bench/run.sh ThirteenthFold
 */
public final class ThirteenthFold {
    private ThirteenthFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<Case> train = Corpus.development11();
        List<Case> unseen = Corpus.heldout13();
        Scores s = CrossValidation.holdout(TrainReasoner.examples(train), TrainReasoner.examples(unseen), l2);
        System.out.println(s.table("corpus_heldout13 (" + unseen.size() + "), fitted on development11 ("
                + train.size() + "), l2 " + l2 + ", prior " + TrainReasoner.priorScale + ", phase-l2 "
                + TrainReasoner.phaseL2 + ", " + TrainReasoner.wordSettings()));
        System.out.println(EleventhFold.counts(s));
    }
}
