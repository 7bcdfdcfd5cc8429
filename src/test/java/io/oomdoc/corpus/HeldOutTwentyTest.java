package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twentieth blind split (src/test/resources/corpus_heldout20): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwentyTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwentyTest() {
        // written in parallel with corpus_heldout21 and conversations_heldout21/22; none of them is tuned on
        super(Corpus.HELDOUT20, Corpus.heldout20(), 60, Path.of("src/test/resources/corpus_heldout21"),
                Path.of("src/test/resources/conversations_heldout21"),
                Path.of("src/test/resources/conversations_heldout22"));
    }
}
