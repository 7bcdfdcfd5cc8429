package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The fifteenth blind split (src/test/resources/corpus_heldout15): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutFifteenTest extends MixedBlindCorpusSplitChecks {
    HeldOutFifteenTest() {
        // written in parallel with conversations_heldout16, which may cite the same repositories; neither is tuned on
        super(Corpus.HELDOUT15, Corpus.heldout15(), 60, Path.of("src/test/resources/conversations_heldout16"));
    }
}
