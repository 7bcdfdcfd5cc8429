package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the long-log reader may jump over, on a real log (h200/device_assert.log: 320 lines of a failed device
 * assertion, then the traceback that holds the first trigger), with Unix, Windows and old Mac line ends. Written for
 * the mutants PIT left alive in Skipper.
 */
class SkipperTest {
    private static final String LOG = Fixtures.text("h200/device_assert.log");
    private static final int WINDOW = 4;

    private static byte[] bytes(String lineEnd) {
        return LOG.replace("\n", lineEnd).getBytes(StandardCharsets.UTF_8);
    }

    /** The 0-based line that holds the first trigger, found by a plain search. */
    private static int triggerLine() {
        int first = Integer.MAX_VALUE;
        for (String f : Triggers.FRAGMENTS) {
            int at = LOG.indexOf(f);
            if (at >= 0) first = Math.min(first, at);
        }
        return (int) LOG.substring(0, first).chars().filter(c -> c == '\n').count();
    }

    /** Where 0-based line {@code n} starts with the given line ends. */
    private static int lineStart(String lineEnd, int n) {
        String[] lines = LOG.split("\n", -1);
        int at = 0;
        for (int i = 0; i < n; i++) at += lines[i].getBytes(StandardCharsets.UTF_8).length + lineEnd.length();
        return at;
    }

    @Test
    void skipsTheLinesBeforeTheWindowAheadOfTheFirstTrigger() {
        for (String end : new String[]{"\n", "\r\n", "\r"}) {
            byte[] a = bytes(end);
            Skipper s = new Skipper(WINDOW, null);
            s.newBlock(0, 0);
            int t = triggerLine();
            assertTrue(t > WINDOW, "the fixture's trigger comes after the assertion lines");
            assertEquals(lineStart(end, t - WINDOW), s.skip(a, 0, a.length, false), end.replace("\r", "CR"));
            assertEquals(t - WINDOW, s.skipped(), end.replace("\r", "CR"));
        }
    }

    @Test
    void linesAlreadySettledAreNotSkippedAgain() {
        byte[] a = bytes("\n");
        Skipper s = new Skipper(WINDOW, null);
        s.newBlock(0, 0);
        int cut = s.skip(a, 0, a.length, false);
        int next = lineStart("\n", triggerLine() - WINDOW + 1);
        assertEquals(next, s.skip(a, next, a.length, false));
        assertEquals(0, s.skipped());
        assertTrue(cut < next);
    }

    @Test
    void aWindowWiderThanTheLinesBeforeTheTriggerSkipsNothing() {
        byte[] a = bytes("\n");
        Skipper s = new Skipper(1000, null);
        s.newBlock(0, 0);
        assertEquals(0, s.skip(a, 0, a.length, false));
        assertEquals(0, s.skipped());
    }

    @Test
    void aLineFeedThatEndsACarriedOverCarriageReturnIsNotCountedAgain() {
        // the block starts with the '\n' of a "\r\n" whose '\r' ended the previous block
        byte[] a = ("\n" + LOG.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Skipper s = new Skipper(WINDOW, null);
        s.newBlock(0, 0);
        s.skip(a, 0, a.length, true);
        assertEquals(triggerLine() - WINDOW, s.skipped());
    }

    @Test
    void lineEndsCountEachLineOnceWhateverItsEndAndAlignment() {
        int lines = (int) LOG.chars().filter(c -> c == '\n').count();
        for (String end : new String[]{"\n", "\r\n", "\r"}) {
            byte[] a = bytes(end);
            assertEquals(lines, Skipper.lineEnds(a, 0, a.length), end.replace("\r", "CR"));
            for (int from = 1; from < 9; from++) {
                String head = new String(a, 0, from, StandardCharsets.UTF_8);
                int before = (int) head.chars().filter(c -> c == '\n' || c == '\r').count()
                        - (head.contains("\r\n") ? 1 : 0);
                assertEquals(lines - before, Skipper.lineEnds(a, from, a.length), "from " + from);
            }
        }
    }
}
