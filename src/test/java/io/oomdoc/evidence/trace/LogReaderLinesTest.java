package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The byte-level reader splits lines as a text reader does, whatever the chunks the input arrives in. */
class LogReaderLinesTest {
    /** Hands out at most {@code n} bytes per read, so lines, "\r\n" pairs and UTF-8 characters straddle reads. */
    private static InputStream trickle(byte[] b, int n) {
        return new ByteArrayInputStream(b) {
            @Override public synchronized int read(byte[] a, int off, int len) {
                return super.read(a, off, Math.min(len, n));
            }
        };
    }

    @Test
    void linesEndAtLfCrOrCrlfAcrossAnyChunking() throws IOException {
        // a real tqdm bar redrawn with '\r' (xinge008/Cylinder3D#109), CRLF lines, UTF-8 (显存) and a last line
        // with no terminator
        String text = "Epoch 1\r\n  0%|          | 1/9565 [00:19<50:33:46, 19.03s/it]\r  0%|          | 2/9565\n"
                + "显存不足 CUDA out of memory\r\n\r\nlast";
        List<String> expected = LogText.of(text).lines().stream().map(LogText.Line::text).toList();
        for (int n : new int[]{1, 2, 3, 7, 1 << 20}) {
            LogText got = new LogReader().read(trickle(text.getBytes(StandardCharsets.UTF_8), n));
            assertEquals(expected, got.lines().stream().map(LogText.Line::text).toList(), "chunks of " + n);
        }
    }

    @Test
    void aTriggerFarFromTheHeadIsKeptWithItsLineNumber() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) sb.append("epoch 1/50 - it ").append(i).append("/100 - loss: 2.473\r\n");
        sb.append(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        for (int i = 0; i < 1000; i++) sb.append("epoch 2/50 - it ").append(i).append("/100 - loss: 2.1\n");
        LogText log = new LogReader().read(trickle(sb.toString().getBytes(StandardCharsets.UTF_8), 4093));
        assertTrue(log.truncated());
        TraceAnalysis a = new TraceAnalyzer().analyze(log);
        assertEquals(5000 + 10, a.primary().orElseThrow().line());
        assertEquals(86L << 20, a.numbers().triedBytes());
    }

    @Test
    void theByteTestAgreesWithTheTextTest() {
        for (String line : List.of("RuntimeError: CUDA out of memory.", "step 3 loss 0.2", "Killed", "xx OOM",
                "ac", "Traceback (most recent call last):", "tokens/s 81234 | lr 3.0e-4", "bad_alloc", "emor")) {
            byte[] b = ("  " + line).getBytes(StandardCharsets.UTF_8);
            assertEquals(Triggers.hit(line), Triggers.hit(b, 2, b.length - 2), line);
        }
    }

    /** Real training-log lines (bench/training-log-lines.txt) and real traces, joined with the given line end. */
    static byte[] longLog(String end, int plainBefore, int between, int plainAfter) {
        List<String> plain = new java.util.ArrayList<>();
        for (String l : Fixtures.text("bench/training-log-lines.txt").split("\n")) {
            if (l.startsWith("plain|") || l.startsWith("mmdet|")) plain.add(l.substring(l.indexOf('|') + 1));
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int i = 0; i < plainBefore; i++) sb.append(plain.get(n++ % 3).replace("{n}", "" + n)).append(end);
        sb.append(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt").replace("\n", end));
        for (int i = 0; i < between; i++) sb.append(plain.get(n++ % 3).replace("{n}", "" + n)).append(end);
        sb.append(Fixtures.text("traces/vllm-kaito-2x.txt").replace("\n", end));
        for (int i = 0; i < plainAfter; i++) {
            sb.append(plain.get(n++ % plain.size()).replace("{n}", "" + n)).append(end);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Seconds a run: tagged slow so PIT leaves it to surefire instead of running it for every reader mutant. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void skippingQuietLinesKeepsExactlyWhatReadingEveryLineKeeps() throws IOException {
        // block-sized logs, so that triggers, "\r\n" pairs and kept windows fall on the 1 MB block boundaries
        for (String end : new String[]{"\n", "\r\n", "\r"}) {
            for (int[] shape : new int[][]{{30_000, 40, 25_000}, {20, 2, 5}, {17_000, 600, 0}}) {
                byte[] log = longLog(end, shape[0], shape[1], shape[2]);
                for (LogReader r : new LogReader[]{new LogReader(), new LogReader(5, 3, 2, 4, 60)}) {
                    for (int chunk : new int[]{1 << 20, 65_521}) {
                        LogText fast = r.read(trickle(log, chunk));
                        LogText reference = r.lineByLine().read(trickle(log, chunk));
                        String what = shape[0] + "/" + shape[1] + "/" + shape[2] + " " + end.length() + " " + chunk;
                        assertEquals(reference.lines(), fast.lines(), what);
                        assertEquals(reference.truncated(), fast.truncated(), what);
                    }
                }
            }
        }
    }

    @Test
    void lineEndsAreCountedAsTheReaderSplitsLines() {
        String text = "a\r\nb\rc\n\n\r\r\nd" + "x".repeat(20) + "\r\n\r";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long expected = LogText.of(text).lines().size() - 1; // the text after the last line end is a line of its own
        assertEquals(expected, Skipper.lineEnds(b, 0, b.length));
    }

    @Test
    void everyFragmentIsFoundWhereItStartsAtEveryOffsetAndParity() {
        // fragments that hold other fragments ("Bus error" holds "rror", "KV cache block" holds "ache block") must
        // be found at their own start, though the anchor of the one inside may come first
        List<String> texts = new ArrayList<>(List.of(Triggers.FRAGMENTS));
        texts.addAll(List.of("Bus error", "gpu_memory", "KV cache block", "RESOURCE_EXHAUSTED: OOM"));
        for (String t : texts) {
            for (int lead = 0; lead < 12; lead++) {
                byte[] b = ("step loss lr".substring(0, lead) + t + " epoch").getBytes(StandardCharsets.US_ASCII);
                for (int from = 0; from <= lead; from++) {
                    assertEquals(lead, Triggers.first(b, from, b.length), t + " after " + lead + " from " + from);
                }
                assertEquals(lead + 2, Triggers.first(b, lead, lead + 2), t + ": two bytes hold no fragment");
            }
        }
    }

    @Test
    void anAnchorMustBeThreeBytesOfItsFragmentStartingWithTwoLetters() {
        assertEquals(3, Triggers.anchorOffset("raceback", "eba"));
        assertThrows(IllegalArgumentException.class, () -> Triggers.anchorOffset("bad_alloc", "d_a"));
        assertThrows(IllegalArgumentException.class, () -> Triggers.anchorOffset("raceback", "ebb"));
        assertThrows(IllegalArgumentException.class, () -> Triggers.anchorOffset("raceback", "back"));
    }

    @Test
    void theFirstTriggerIsFoundFromEveryStartWhateverItsParity() {
        byte[] b = (Fixtures.text("traces/vllm-kaito-2x.txt") + Fixtures.text("traces/jax-bufferassignment.txt"))
                .getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < 400; from++) {
            for (int end : new int[]{from + 2, from + 3, from + 9, from + 40, b.length}) {
                int expected = end;
                for (int p = from; p + 1 < end; p++) {
                    if (Triggers.startsAt((b[p] & 0xff) << 8 | (b[p + 1] & 0xff)) && Triggers.at(b, p, end)) {
                        expected = p;
                        break;
                    }
                }
                assertEquals(expected, Triggers.first(b, from, end), from + ".." + end);
            }
        }
    }
}
