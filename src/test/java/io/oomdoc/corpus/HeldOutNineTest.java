package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ninth blind split (src/test/resources/corpus_heldout9): the form every blind split keeps, and the mix of
 * stacks its brief asked for.
 */
class HeldOutNineTest extends BlindCorpusSplitChecks {
    /** The brief of the split: at least 30% of the reports come from outside plain PyTorch. */
    private static final double MIN_OTHER_STACK_SHARE = 0.30;

    HeldOutNineTest() {
        // a ninth blind conversation set is written the same day on another branch and is never tuned on either
        super(Corpus.HELDOUT9, Corpus.heldout9(), 55, Path.of("src/test/resources/conversations_heldout9"),
                // the scanner's labelled code (eleventh session) comes from some of the same repositories; nothing
                // in it is tuned on for diagnosis
                Path.of("src/test/resources/scan_recall11"),
                // scan_patterns (scan17): our own fixtures after scan_recall11's cases, naming the same repositories
                Path.of("src/test/resources/scan_patterns"));
    }

    @Test
    void atLeastThirtyPercentOfTheReportsComeFromOutsidePlainPyTorch() {
        long other = cases.stream().filter(c -> !c.framework().equals("pytorch")).count();
        assertTrue(other >= MIN_OTHER_STACK_SHARE * cases.size(), other + " of " + cases.size());
    }
}
