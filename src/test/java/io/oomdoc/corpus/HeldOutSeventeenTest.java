package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The seventeenth blind split (src/test/resources/corpus_heldout17): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutSeventeenTest extends MixedBlindCorpusSplitChecks {
    HeldOutSeventeenTest() {
        // written in parallel with corpus_heldout16 and conversations_heldout17/18; none of them is tuned on
        super(Corpus.HELDOUT17, Corpus.heldout17(), 60, Path.of("src/test/resources/corpus_heldout16"),
                Path.of("src/test/resources/conversations_heldout17"),
                Path.of("src/test/resources/conversations_heldout18"));
    }
}
