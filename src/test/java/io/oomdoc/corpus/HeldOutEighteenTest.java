package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eighteenth blind split (src/test/resources/corpus_heldout18): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutEighteenTest extends BlindCorpusSplitChecks {
    /** The framework values that mean plain PyTorch training (the stack issue 12 asks the split not to be all of). */
    private static final Set<String> PLAIN_PYTORCH = Set.of("pytorch", "hf-transformers", "lightning");

    HeldOutEighteenTest() {
        // written in parallel with corpus_heldout19, conversations_heldout19/20 and the budget set measured_heldout8
        super(Corpus.HELDOUT18, Corpus.heldout18(), 60, Path.of("src/test/resources/corpus_heldout19"),
                Path.of("src/test/resources/conversations_heldout19"),
                Path.of("src/test/resources/conversations_heldout20"),
                Path.of("src/test/resources/budget/measured_heldout8.json"));
    }

    @Test
    void atLeastThirtyPercentLiesOutsidePlainPyTorchTraining() {
        long outside = cases.stream().filter(c -> !PLAIN_PYTORCH.contains(c.framework())).count();
        assertTrue(outside * 10 >= cases.size() * 3L, outside + " of " + cases.size() + " outside plain PyTorch");
    }
}
