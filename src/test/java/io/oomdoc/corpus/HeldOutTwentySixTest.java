package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twenty-sixth blind split (src/test/resources/corpus_heldout26): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwentySixTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwentySixTest() {
        // written in parallel with conversations_heldout28 (absent until merged); neither is tuned on
        super(Corpus.HELDOUT26, Corpus.heldout26(), 60, Path.of("src/test/resources/conversations_heldout28"));
    }
}
