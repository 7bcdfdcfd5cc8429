package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirty-fourth blind split (src/test/resources/corpus_heldout34): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutThirtyFourTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirtyFourTest() {
        // 55 reports (b34r, twenty-ninth session); written in parallel with conversations_heldout34 (absent
        // until merged); neither is tuned on
        super(Corpus.HELDOUT34, Corpus.heldout34(), 55, Path.of("src/test/resources/conversations_heldout34"));
    }
}
