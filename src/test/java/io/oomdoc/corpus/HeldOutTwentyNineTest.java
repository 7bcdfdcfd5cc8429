package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twenty-ninth blind split (src/test/resources/corpus_heldout29): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwentyNineTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwentyNineTest() {
        // written in parallel with conversations_heldout30 (absent until merged); neither is tuned on
        super(Corpus.HELDOUT29, Corpus.heldout29(), 60, Path.of("src/test/resources/conversations_heldout30"));
    }
}
