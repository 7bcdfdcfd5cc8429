package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch on ROCm prints the caching allocator's out-of-memory message under HIP's name. The report reads its figures
 * as on NVIDIA and says that it is ROCm's, with the variable that tunes it. The trace is real: ROCm/rocm-blogs'
 * mamba post (traces/SOURCES.md), GPT-Neo 2.7B generating on an MI210.
 */
class RocmOomReportTest {
    private static String summary;

    @BeforeAll
    static void diagnose() {
        String trace = Fixtures.text("traces/rocm-blogs-mamba-gpt-neo-hip-oom-mi210.txt");
        Report r = new Diagnoser().diagnose(LogText.of(trace), null, Facts.EMPTY, null, null);
        summary = r.sections().memoryStateSummary().replaceAll("\\s+", " ");
    }

    @Test
    void theFiguresOfAHipMessageAreReadAsACudaOnes() {
        assertTrue(summary.contains("63.98 GiB total"), summary);
        assertTrue(summary.contains("the failing request was 278.00 MiB"), summary);
    }

    @Test
    void theSummarySaysTheAllocatorIsRocmsAndNamesItsVariable() {
        assertTrue(summary.contains("ROCm: HIP's caching allocator") && summary.contains("PYTORCH_HIP_ALLOC_CONF"),
                summary);
    }

    @Test
    void aCudaMessageSaysNothingOfRocm() {
        Report r = new Diagnoser().diagnose(LogText.of(Fixtures.text("traces/visfly-backward-2x.txt")), null,
                Facts.EMPTY, null, null);
        assertFalse(r.sections().memoryStateSummary().contains("ROCm"));
    }
}
