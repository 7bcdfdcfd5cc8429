package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The sixteenth blind split (src/test/resources/corpus_heldout16): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutSixteenTest extends MixedBlindCorpusSplitChecks {
    HeldOutSixteenTest() {
        // written in parallel with corpus_heldout17 and conversations_heldout17/18 (kept apart by shared thread lists);
        // none of them is tuned on
        super(Corpus.HELDOUT16, Corpus.heldout16(), 60, Path.of("src/test/resources/corpus_heldout17"),
                Path.of("src/test/resources/conversations_heldout17"),
                Path.of("src/test/resources/conversations_heldout18"));
    }
}
