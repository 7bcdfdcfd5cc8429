package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirty-fifth blind split (src/test/resources/corpus_heldout35): serving and inference reports from forums and
 * pages, in the form every blind split keeps, and issue 12's rule that at least 30% of it lies outside plain PyTorch
 * training.
 */
class HeldOutThirtyFiveTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirtyFiveTest() {
        // reports written by b35s in the twenty-ninth session; no conversation set is written beside it
        super(Corpus.HELDOUT35, Corpus.heldout35(), 19);
    }
}
