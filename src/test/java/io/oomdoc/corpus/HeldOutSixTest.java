package io.oomdoc.corpus;

import java.nio.file.Path;

/** The sixth blind split (src/test/resources/corpus_heldout6): the form every blind split keeps. */
class HeldOutSixTest extends BlindCorpusSplitChecks {
    HeldOutSixTest() {
        // its blind conversation twin, conversations_heldout6, draws koboldcpp threads that are not this split's
        super(Corpus.HELDOUT6, Corpus.heldout6(), 45, Path.of("src/test/resources/conversations_heldout6"),
                // a Lua Torch paste of the tenth blind split prints a path through torch/cutorch; nothing is tuned on it
                Path.of("src/test/resources/corpus_heldout10"),
                // the thirty-sixth session's blind budget writer names Firefly among the pages it rejected
                Path.of("src/test/resources/budget/make_measured_heldout26.py"));
    }
}
