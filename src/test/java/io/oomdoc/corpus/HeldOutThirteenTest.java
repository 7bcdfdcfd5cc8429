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

    /**
     * The eighteenth session's scanner audit (scan_wild19: SPLIT.md, labels*.json, and the own-code fixture
     * scan_patterns/eval_by_train_false__*) reads these repositories' training code for the scanner; this split's
     * report from them was scored sessions before, and nothing of diagnosis is tuned on the audit.
     */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() {
        return java.util.Set.of("yangsenius/learning-to-learn-by-pytorch", "haomood/bilinear-cnn");
    }
}
