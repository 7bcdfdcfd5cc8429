package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window of last lines the long-log reader keeps, fed as the reader feeds it: offsets into one byte buffer of a
 * real log (h200/leak_eval.log: 25 short eval lines, then a traceback and a 400-byte OOM message). Written to kill
 * the mutants PIT left alive in LineWindow.
 */
class LineWindowTest {
    private static final byte[] LOG = Fixtures.text("h200/leak_eval.log").getBytes(StandardCharsets.UTF_8);

    /** Feeds every line of the log; returns what add said for each. */
    private static List<Boolean> feed(LineWindow w) {
        List<Boolean> dropped = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < LOG.length; i++) {
            if (LOG[i] != '\n') continue;
            dropped.add(w.add(number++, LOG, start, i - start));
            start = i + 1;
        }
        return dropped;
    }

    private static List<String> lines() {
        return Fixtures.text("h200/leak_eval.log").lines().toList();
    }

    @Test
    void keepsTheLastLinesWithTheirNumbers() {
        LineWindow w = new LineWindow(4);
        feed(w);
        List<String> all = lines();
        assertEquals(4, w.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(all.size() - 3 + i, w.number(i));
            assertEquals(all.get(all.size() - 4 + i), w.text(i));
        }
    }

    @Test
    void saysWhenALineWasDroppedAndOnlyThen() {
        List<Boolean> dropped = feed(new LineWindow(4));
        assertEquals(List.of(false, false, false, false), dropped.subList(0, 4));
        assertTrue(dropped.subList(4, dropped.size()).stream().allMatch(d -> d));
    }

    @Test
    void beforeItIsFullTheWindowHoldsEveryLineInOrder() {
        LineWindow w = new LineWindow(100);
        feed(w);
        List<String> all = lines();
        assertEquals(all.size(), w.size());
        assertEquals(100, w.capacity());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, w.number(i));
            assertEquals(all.get(i), w.text(i));
        }
    }

    @Test
    void aLongLineReplacesAShortOneInAReusedSlotWhole() {
        // the OOM message (over 128 bytes) lands in a slot that held a short line before
        LineWindow w = new LineWindow(3);
        feed(w);
        String last = lines().get(lines().size() - 1);
        assertTrue(last.length() > 128, "the fixture's last line is the long OOM message");
        assertEquals(last, w.text(2));
    }

    @Test
    void aWindowOfNoLinesStillKeepsTheLastOne() {
        LineWindow w = new LineWindow(0);
        feed(w);
        assertEquals(1, w.capacity());
        assertEquals(lines().get(lines().size() - 1), w.text(0));
    }

    @Test
    void aClearedWindowStartsAgainFromItsFirstSlot() {
        LineWindow w = new LineWindow(4);
        feed(w);
        w.clear();
        assertEquals(0, w.size());
        w.add(7, LOG, 0, 10);
        assertEquals(1, w.size());
        assertEquals(7, w.number(0));
        assertEquals("eval batch", w.text(0));
    }
}
