package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A log as clean lines: blankness, the condensed view the reasoning reads, and messages read whole across lines, on
 * real logs (h200/ recorded on an H200; traces/ with their sources in traces/SOURCES.md). Written to kill the mutants
 * PIT left alive in LogText.
 */
class LogTextTest {
    private static List<String> texts(LogText t) {
        return t.lines().stream().map(LogText.Line::text).toList();
    }

    @Test
    void aLogReadWholeIsNotTruncated() {
        assertFalse(Fixtures.log("h200/leak_eval.log").truncated());
    }

    @Test
    void aLogOfEmptyAndSpaceLinesIsBlank() {
        assertTrue(LogText.of("\n   \n\t\n").isBlank());
    }

    @Test
    void aRealLogIsNotBlank() {
        assertFalse(Fixtures.log("h200/fragmentation.log").isBlank());
    }

    @Test
    void aStepLineRepeatedWithOtherNumbersIsKeptAtItsFirstAndLastOccurrence() {
        // leak_eval.log: "eval batch N loss ... allocated ... reserved ..." for N = 1..25
        LogText condensed = Fixtures.log("h200/leak_eval.log").condensed();
        List<LogText.Line> evals = condensed.lines().stream().filter(l -> l.text().startsWith("eval batch")).toList();
        assertEquals(List.of(1, 25), evals.stream().map(LogText.Line::number).toList());
        assertTrue(evals.get(1).text().startsWith("eval batch 25 "), evals.get(1).text());
    }

    @Test
    void condensingKeepsTheLinesThatOccurOnce() {
        LogText log = Fixtures.log("h200/leak_eval.log");
        String oom = texts(log).stream().filter(t -> t.startsWith("torch.OutOfMemoryError")).findFirst().orElseThrow();
        assertTrue(texts(log.condensed()).contains(oom));
        assertTrue(log.condensed().lines().size() < log.lines().size());
    }

    @Test
    void aLogWithoutRepeatsIsItsOwnCondensedView() {
        LogText log = LogText.of(Fixtures.text("traces/deepspeed-stage3-cache-flushes.txt").split("\n")[0]);
        assertSame(log, log.condensed());
    }

    @Test
    void theCondensedViewOfACondensedViewIsItself() {
        LogText condensed = Fixtures.log("h200/leak_eval.log").condensed();
        assertSame(condensed, condensed.condensed());
    }

    @Test
    void aMessageEndsAtABlankLine() {
        // device_assert.log: the five-line CUDA error message ends the log, followed by an empty line
        LogText log = Fixtures.log("h200/device_assert.log");
        int at = texts(log).indexOf("torch.AcceleratorError: CUDA error: device-side assert triggered");
        String message = log.messageAt(at, 20);
        assertTrue(message.endsWith("to enable device-side assertions."), message);
    }

    @Test
    void aMessageEndsWhereATracebackStarts() {
        // fragmentation.log: a progress line, then "Traceback (most recent call last):"
        LogText log = Fixtures.log("h200/fragmentation.log");
        assertEquals(log.lines().get(0).text(), log.messageAt(0, 5));
    }

    @Test
    void aMessageEndsWhereABracketedTimestampStartsTheNextRecord() {
        // DeepSpeed's "[2022-07-13 21:09:13,651] [WARNING] ..." lines are each their own record
        LogText log = Fixtures.log("traces/deepspeed-stage3-cache-flushes.txt");
        assertEquals(log.lines().get(0).text(), log.messageAt(0, 3));
    }

    @Test
    void anUnwrappedLineContinuesStrippedAfterASpace() {
        // fragmentation.log line 3: '  File ".../traces.py", line 109, in <module>' then '    globals()[...]()'
        LogText log = Fixtures.log("h200/fragmentation.log");
        assertEquals(log.lines().get(2).text() + " " + log.lines().get(3).text().strip(), log.messageAt(2, 5));
    }

    @Test
    void aLineExactlyATerminalWidthLongContinuesAsItIsAndTheMessageStopsAtMaxLines() {
        // oom_train.log line 15 is 120 columns long: the next line is its wrapped tail, joined without a space
        LogText log = Fixtures.log("h200/oom_train.log");
        assertEquals(120, log.lines().get(14).text().length());
        assertEquals(log.lines().get(14).text() + log.lines().get(15).text(), log.messageAt(14, 2));
    }
}
