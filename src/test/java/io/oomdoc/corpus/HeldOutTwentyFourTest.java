package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twenty-fourth blind split (src/test/resources/corpus_heldout24): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwentyFourTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwentyFourTest() {
        // written in parallel with conversations_heldout26 (absent until merged); neither is tuned on
        super(Corpus.HELDOUT24, Corpus.heldout24(), 51, Path.of("src/test/resources/conversations_heldout26"));
    }
}
