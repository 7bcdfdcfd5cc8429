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
                Path.of("src/test/resources/conversations_heldout24"));
    }

    /**
     * The eighteenth session's scanner audit (scan_wild19: SPLIT.md, labels*.json, and the own-code fixture
     * scan_patterns/eval_by_train_false__*) reads these repositories' training code for the scanner; this split's
     * report from them was scored sessions before, and nothing of diagnosis is tuned on the audit.
     */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() {
        return java.util.Set.of("liyiying/feature_critic");
    }
}
