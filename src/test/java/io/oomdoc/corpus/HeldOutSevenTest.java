package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seventh blind split (src/test/resources/corpus_heldout7): the form every blind split keeps, and the mix of
 * stacks its brief asked for.
 */
class HeldOutSevenTest extends BlindCorpusSplitChecks {
    /** The brief of the split: at least 30% of the reports come from outside plain PyTorch. */
    private static final double MIN_OTHER_STACK_SHARE = 0.30;

    HeldOutSevenTest() {
        // a seventh blind conversation set, written the same day by another helper, is never tuned on either
        super(Corpus.HELDOUT7, Corpus.heldout7(), 50, Path.of("src/test/resources/conversations_heldout7"));
    }

    /**
     * ik_llama.cpp discussion #164's table of GGUF file sizes (traces/ik-llama-164-llama31-8b-llama-bench-sizes.txt,
     * fourteenth session) checks the budget's weights for llama.cpp's IQ types; the split's own report from that
     * repository (#749) was scored sessions before. The sixteenth session's blind budget set
     * (budget/measured_heldout9.json) takes xtuner's published memory tables from its READMEs, not this split's thread.
     * The eighteenth session's scanner audit reads two of its repositories (SCANNED_BY_SCAN19).
     */
    @Override
    java.util.Set<String> citedLaterForAnotherEngine() {
        java.util.Set<String> s = new java.util.HashSet<>(SCANNED_BY_SCAN19);
        s.addAll(java.util.Set.of("ikawrakow/ik_llama.cpp", "internlm/xtuner"));
        return s;
    }

    @Test
    void atLeastThirtyPercentOfTheReportsComeFromOutsidePlainPyTorch() {
        long other = cases.stream().filter(c -> !c.framework().equals("pytorch")).count();
        assertTrue(other >= MIN_OTHER_STACK_SHARE * cases.size(), other + " of " + cases.size());
    }
}
