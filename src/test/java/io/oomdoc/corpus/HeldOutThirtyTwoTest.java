package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirty-second blind split (src/test/resources/corpus_heldout32): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutThirtyTwoTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirtyTwoTest() {
        // 38 reports, short of the 60 asked (the writer ran out of time); written in parallel with
        // conversations_heldout33 (absent until merged); neither is tuned on
        super(Corpus.HELDOUT32, Corpus.heldout32(), 38, Path.of("src/test/resources/conversations_heldout33"));
    }
}
