package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirteenth blind split (src/test/resources/corpus_heldout13): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutThirteenTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirteenTest() {
        // written in parallel with conversations_heldout14, which may cite the same repositories; neither is tuned on
        super(Corpus.HELDOUT13, Corpus.heldout13(), 60, Path.of("src/test/resources/conversations_heldout14"));
    }

    /** The repositories of this split that scan19's audit reads (BlindCorpusSplitChecks.SCANNED_BY_SCAN19). */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() { return SCANNED_BY_SCAN19; }
}
