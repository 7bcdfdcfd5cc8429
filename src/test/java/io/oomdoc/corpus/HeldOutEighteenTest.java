package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The eighteenth blind split (src/test/resources/corpus_heldout18): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutEighteenTest extends MixedBlindCorpusSplitChecks {
    HeldOutEighteenTest() {
        // written in parallel with corpus_heldout19, conversations_heldout19/20 and the budget set measured_heldout8
        super(Corpus.HELDOUT18, Corpus.heldout18(), 60, Path.of("src/test/resources/corpus_heldout19"),
                Path.of("src/test/resources/conversations_heldout19"),
                Path.of("src/test/resources/conversations_heldout20"),
                Path.of("src/test/resources/budget/measured_heldout8.json"));
    }

    /** The repositories of this split that scan19's audit reads (BlindCorpusSplitChecks.SCANNED_BY_SCAN19). */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() { return SCANNED_BY_SCAN19; }
}
