package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12's examples tried as a new user would, on real pastes (sources in src/test/resources/traces/SOURCES.md):
 * what a report says about a case it was not shaped on.
 */
class NewUserChecksTest {
    private final Diagnoser d = new Diagnoser();

    private Report diagnose(String path) {
        return d.diagnose(LogText.of(Fixtures.text("traces/" + path)), null, Facts.EMPTY, null, null);
    }

    @Test
    void jaxBufferAssignmentStatsAreNotTheCardsSize() {
        // "preallocated temp allocation: 4.44GiB" is followed by "total allocation:": a buffer, not the card
        Report r = diagnose("jax-afprofile-8-bufferassignment-stats.txt");
        assertNull(r.numbers().get("total_bytes"), String.valueOf(r.numbers()));
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("--gpu-mem")), String.valueOf(r.fixes()));
        assertFalse(r.sections().memoryStateSummary().contains("GiB GPU"), r.sections().memoryStateSummary());
    }

    @Test
    void aSummaryWithoutTheCardsTotalStartsWithASentenceNotASeparator() {
        Report r = diagnose("jax-afprofile-8-bufferassignment-stats.txt");
        String summary = r.sections().memoryStateSummary().strip();
        assertTrue(Character.isUpperCase(summary.charAt(0)), summary);
    }

    @Test
    void aBatchSizeOfOneInWordsIsNotHalved() {
        Report r = diagnose("prose-vsseg-6-backward-batch-one.txt");
        assertEquals("backward", r.phase());
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("batch_size=16")), String.valueOf(r.fixes()));
    }

    @Test
    void aRequestNoMachineHoldsIsCalledASizeComputedWrongNotOneLargeTensor() {
        // 538976288.13 GiB is about 514 PiB: no GPU or host has it, so no memory setting makes it fit
        Report r = diagnose("qwen3vl-334-impossible-request.txt");
        String cause = r.sections().rootCause();
        assertFalse(cause.contains("one very large tensor"), cause);
        assertTrue(cause.contains("computed wrong"), cause);
    }
}
