package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirty-third blind split (src/test/resources/corpus_heldout33): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutThirtyThreeTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirtyThreeTest() {
        // 6 reports, far short of the 60 asked (the writer started 12 minutes before the deadline); written in
        // parallel with conversations_heldout33 (absent until merged); neither is tuned on
        super(Corpus.HELDOUT33, Corpus.heldout33(), 6, Path.of("src/test/resources/conversations_heldout33"));
    }
}
