package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The thirty-sixth blind split (src/test/resources/corpus_heldout36): training and fine-tuning reports from GitHub
 * threads and forums, in the form every blind split keeps, and issue 12's rule that at least 30% of it lies outside
 * plain PyTorch training.
 */
class HeldOutThirtySixTest extends MixedBlindCorpusSplitChecks {
    HeldOutThirtySixTest() {
        // reports written by b36r in the thirtieth session, in parallel with conversations_heldout35 (absent until
        // merged); neither is tuned on
        super(Corpus.HELDOUT36, Corpus.heldout36(), 40, Path.of("src/test/resources/conversations_heldout35"));
    }
}
