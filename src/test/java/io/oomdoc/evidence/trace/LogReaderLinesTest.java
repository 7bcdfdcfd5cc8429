package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
}
