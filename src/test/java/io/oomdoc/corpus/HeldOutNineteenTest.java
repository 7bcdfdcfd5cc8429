package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nineteenth blind split (src/test/resources/corpus_heldout19): the form every blind split keeps, and issue 12's
 * rule that at least 30% of it lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutNineteenTest extends BlindCorpusSplitChecks {
    /** The framework values that mean plain PyTorch training (the stack issue 12 asks the split not to be all of). */
    private static final Set<String> PLAIN_PYTORCH = Set.of("pytorch", "hf-transformers", "lightning");

    HeldOutNineteenTest() {
        // written in parallel with corpus_heldout18 and conversations_heldout19/20; none of them is tuned on
        super(Corpus.HELDOUT19, Corpus.heldout19(), 60, Path.of("src/test/resources/corpus_heldout18"),
                Path.of("src/test/resources/conversations_heldout19"),
                Path.of("src/test/resources/conversations_heldout20"));
    }

    @Test
    void atLeastThirtyPercentLiesOutsidePlainPyTorchTraining() {
        long outside = cases.stream().filter(c -> !PLAIN_PYTORCH.contains(c.framework())).count();
        assertTrue(outside * 10 >= cases.size() * 3L, outside + " of " + cases.size() + " outside plain PyTorch");
    }
}
