package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blind splits written since the twelfth: the form every blind split keeps, and issue 12's rule that at least
 * 30% of a split lies outside plain PyTorch training (serving, inference, other stacks, kills).
 */
abstract class MixedBlindCorpusSplitChecks extends BlindCorpusSplitChecks {
    /** The framework values that mean plain PyTorch training (the stack issue 12 asks the split not to be all of). */
    private static final Set<String> PLAIN_PYTORCH = Set.of("pytorch", "hf-transformers", "lightning");

    MixedBlindCorpusSplitChecks(Path file, List<Case> cases, int minCases, Path... notTunedOn) {
        super(file, cases, minCases, notTunedOn);
    }

    @Test
    void atLeastThirtyPercentLiesOutsidePlainPyTorchTraining() {
        long outside = cases.stream().filter(c -> !PLAIN_PYTORCH.contains(c.framework())).count();
        assertTrue(outside * 10 >= cases.size() * 3L, outside + " of " + cases.size() + " outside plain PyTorch");
    }
}
