package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirtieth blind split (src/test/resources/corpus_heldout30): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutThirtyTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirtyTest() {
        // written in parallel with conversations_heldout31 (absent until merged); neither is tuned on
        super(Corpus.HELDOUT30, Corpus.heldout30(), 60, Path.of("src/test/resources/conversations_heldout31"));
    }
}
