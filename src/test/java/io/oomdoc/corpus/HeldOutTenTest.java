package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenth blind split (src/test/resources/corpus_heldout10): the form every blind split keeps, and the mix of
 * stacks its brief asked for.
 */
class HeldOutTenTest extends BlindCorpusSplitChecks {
    /** The brief of the split: at least 30% of the reports come from outside plain PyTorch. */
    private static final double MIN_OTHER_STACK_SHARE = 0.30;

    HeldOutTenTest() {
        // a tenth blind conversation set may be written the same day on another branch and is never tuned on either
        super(Corpus.HELDOUT10, Corpus.heldout10(), 50, Path.of("src/test/resources/conversations_heldout10"));
    }

    @Test
    void atLeastThirtyPercentOfTheReportsComeFromOutsidePlainPyTorch() {
        long other = cases.stream().filter(c -> !c.framework().equals("pytorch")).count();
        assertTrue(other >= MIN_OTHER_STACK_SHARE * cases.size(), other + " of " + cases.size());
    }
}
