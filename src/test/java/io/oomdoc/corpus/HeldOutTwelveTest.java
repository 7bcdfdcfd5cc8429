package io.oomdoc.corpus;

import java.nio.file.Path;

/**
 * The twelfth blind split (src/test/resources/corpus_heldout12): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutTwelveTest extends MixedBlindCorpusSplitChecks {
    HeldOutTwelveTest() {
        // written in parallel with conversations_heldout12, which may cite the same repositories; neither is tuned on
        super(Corpus.HELDOUT12, Corpus.heldout12(), 60, Path.of("src/test/resources/conversations_heldout12"));
    }

    /**
     * corpus_heldout25's haoliuhl/ringattention#11 (another repository, written after this split was burned) quotes a
     * maintainer's link to LWM's sharding docs in its paste; nothing of LargeWorldModel/LWM#60 is in it. Likewise
     * corpus_heldout29's MrNeRF/LichtFeld-Studio#65, whose reporter links a gaussian-splatting issue in the paste.
     */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() {
        return java.util.Set.of("largeworldmodel/lwm", "graphdeco-inria/gaussian-splatting");
    }
}
