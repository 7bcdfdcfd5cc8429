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
        // the tenth blind conversation set, written the same day, is never tuned on either; the scanner's round-10
        // audit (scan_wild10) and the scanner's recall sets (scan_recall11, scan_recall14: snakers4/silero-vad's
        // training code) took some of the split's repositories for their code, never for an OOM thread
        super(Corpus.HELDOUT10, Corpus.heldout10(), 50, Path.of("src/test/resources/conversations_heldout10"),
                Path.of("src/test/resources/scan_wild10"), Path.of("src/test/resources/scan_recall11"),
                Path.of("src/test/resources/scan_recall14"),
                // scan_patterns (scan17): our own fixtures modelled on those sets' cases, naming the same repositories
                Path.of("src/test/resources/scan_patterns"));
    }

    @Test
    void atLeastThirtyPercentOfTheReportsComeFromOutsidePlainPyTorch() {
        long other = cases.stream().filter(c -> !c.framework().equals("pytorch")).count();
        assertTrue(other >= MIN_OTHER_STACK_SHARE * cases.size(), other + " of " + cases.size());
    }

    /** The repositories of this split that scan19's audit reads (BlindCorpusSplitChecks.SCANNED_BY_SCAN19). */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() { return SCANNED_BY_SCAN19; }
}
