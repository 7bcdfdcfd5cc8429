package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twenty-first blind split (src/test/resources/corpus_heldout21): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwentyOneTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwentyOneTest() {
        // written in parallel with corpus_heldout20 and conversations_heldout21/22; none of them is tuned on
        super(Corpus.HELDOUT21, Corpus.heldout21(), 60, Path.of("src/test/resources/corpus_heldout20"),
                Path.of("src/test/resources/conversations_heldout21"),
                Path.of("src/test/resources/conversations_heldout22"));
    }
}
