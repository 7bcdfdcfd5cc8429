package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twenty-third blind split (src/test/resources/corpus_heldout23): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwentyThreeTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwentyThreeTest() {
        // written in parallel with conversations_heldout25; neither is tuned on
        super(Corpus.HELDOUT23, Corpus.heldout23(), 60, Path.of("src/test/resources/conversations_heldout25"));
    }
}
