package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twenty-second blind split (src/test/resources/corpus_heldout22): the form every blind split keeps, and issue
 * 12's rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwentyTwoTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwentyTwoTest() {
        // written in parallel with conversations_heldout23/24; none of them is tuned on
        super(Corpus.HELDOUT22, Corpus.heldout22(), 60, Path.of("src/test/resources/conversations_heldout23"),
                Path.of("src/test/resources/conversations_heldout24"),
                // a paste of the forty-second blind split links Matte-Anything's code from another repository's
                // thread; that split is only scored
                Path.of("src/test/resources/corpus_heldout42"));
    }

    /** The repositories of this split that scan19's audit reads (BlindCorpusSplitChecks.SCANNED_BY_SCAN19). */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() { return SCANNED_BY_SCAN19; }
}
