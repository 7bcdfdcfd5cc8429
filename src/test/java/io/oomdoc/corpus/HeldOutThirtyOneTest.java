package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirty-first blind split (src/test/resources/corpus_heldout31): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutThirtyOneTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirtyOneTest() {
        // written in parallel with conversations_heldout32 (absent until merged); neither is tuned on
        super(Corpus.HELDOUT31, Corpus.heldout31(), 60, Path.of("src/test/resources/conversations_heldout32"));
    }
}
