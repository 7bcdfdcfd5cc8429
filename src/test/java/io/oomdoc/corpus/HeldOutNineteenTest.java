package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The nineteenth blind split (src/test/resources/corpus_heldout19): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutNineteenTest extends MixedBlindCorpusSplitChecks {
    HeldOutNineteenTest() {
        // written in parallel with corpus_heldout18 and conversations_heldout19/20; none of them is tuned on
        super(Corpus.HELDOUT19, Corpus.heldout19(), 60, Path.of("src/test/resources/corpus_heldout18"),
                Path.of("src/test/resources/conversations_heldout19"),
                Path.of("src/test/resources/conversations_heldout20"));
    }
}
