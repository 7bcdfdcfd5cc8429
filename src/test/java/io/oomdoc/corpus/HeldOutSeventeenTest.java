package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seventeenth blind split (src/test/resources/corpus_heldout17): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutSeventeenTest extends BlindCorpusSplitChecks {
    /** The framework values that mean plain PyTorch training (the stack issue 12 asks the split not to be all of). */
    private static final Set<String> PLAIN_PYTORCH = Set.of("pytorch", "hf-transformers", "lightning");

    HeldOutSeventeenTest() {
        // written in parallel with corpus_heldout16 and conversations_heldout17/18; none of them is tuned on
        super(Corpus.HELDOUT17, Corpus.heldout17(), 60, Path.of("src/test/resources/corpus_heldout16"),
                Path.of("src/test/resources/conversations_heldout17"),
                Path.of("src/test/resources/conversations_heldout18"));
    }

    @Test
    void atLeastThirtyPercentLiesOutsidePlainPyTorchTraining() {
        long outside = cases.stream().filter(c -> !PLAIN_PYTORCH.contains(c.framework())).count();
        assertTrue(outside * 10 >= cases.size() * 3L, outside + " of " + cases.size() + " outside plain PyTorch");
    }
}
