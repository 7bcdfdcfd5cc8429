package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eighth blind split (src/test/resources/corpus_heldout8): the form every blind split keeps, and the mix of
 * stacks its brief asked for.
 */
class HeldOutEightTest extends BlindCorpusSplitChecks {
    /** The brief of the split: at least 30% of the reports come from outside plain PyTorch. */
    private static final double MIN_OTHER_STACK_SHARE = 0.30;

    HeldOutEightTest() {
        // an eighth blind conversation set, written the same day by another helper, is never tuned on either
        super(Corpus.HELDOUT8, Corpus.heldout8(), 50, Path.of("src/test/resources/conversations_heldout8"),
                // the scanner's labelled code (eleventh session) comes from some of the same repositories; nothing
                // in it is tuned on for diagnosis (scan_recall14, fourteenth session: jpata/particleflow's training code)
                Path.of("src/test/resources/scan_recall11"), Path.of("src/test/resources/scan_recall14"),
                // scan_patterns (scan17): our own fixtures modelled on those sets' cases, naming the same repositories
                Path.of("src/test/resources/scan_patterns"));
    }

    @Test
    void atLeastThirtyPercentOfTheReportsComeFromOutsidePlainPyTorch() {
        long other = cases.stream().filter(c -> !c.framework().equals("pytorch")).count();
        assertTrue(other >= MIN_OTHER_STACK_SHARE * cases.size(), other + " of " + cases.size());
    }
}
