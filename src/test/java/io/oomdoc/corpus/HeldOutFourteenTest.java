package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The fourteenth blind split (src/test/resources/corpus_heldout14): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutFourteenTest extends MixedBlindCorpusSplitChecks {
    HeldOutFourteenTest() {
        // written in parallel with conversations_heldout15, which may cite the same repositories; neither is tuned on
        super(Corpus.HELDOUT14, Corpus.heldout14(), 60, Path.of("src/test/resources/conversations_heldout15"));
    }
}
