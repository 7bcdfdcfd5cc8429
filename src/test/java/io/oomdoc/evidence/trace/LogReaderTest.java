package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class LogReaderTest {
    @Test
    void rejectsBinaryInputWithAClearMessage() {
        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7d, 0x71};
        LogReader.NotText e = assertThrows(LogReader.NotText.class, () -> new LogReader().read(new ByteArrayInputStream(pickle)));
        assertTrue(e.getMessage().contains("binary"));
    }

    @Test
    void invalidUtf8BytesAreReplacedNotFatal() throws IOException {
        byte[] latin1 = "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB \u00e9t\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        LogText log = new LogReader().read(new ByteArrayInputStream(latin1));
        assertEquals(20L * 1024 * 1024, new TraceAnalyzer().analyze(log).numbers().triedBytes());
    }

    /** Tagged slow: under mutation testing its mutants only time out (pom.xml, PIT's excludedGroups). */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aHugeLogKeepsTheFailureNearItsEndWithBoundedLines() throws IOException {
        String trace = Fixtures.text("traces/segtoolbox-backward-1x-cached.txt");
        InputStream big = new InputStream() { // 300,000 lines of training chatter, then the real trace
            private final byte[] chatter = "step 123 | loss 2.3456 | lr 3.0e-4 | tokens/s 81234\n".getBytes(StandardCharsets.UTF_8);
            private final byte[] tail = trace.getBytes(StandardCharsets.UTF_8);
            private long pos;
            private final long total = 300_000L * chatter.length + tail.length;
            @Override public int read() {
                if (pos >= total) return -1;
                long chatterBytes = 300_000L * chatter.length;
                int b = pos < chatterBytes ? chatter[(int) (pos % chatter.length)] : tail[(int) (pos - chatterBytes)];
                pos++;
                return b & 0xff;
            }
        };
        LogText log = new LogReader().read(big);
        assertTrue(log.lines().size() < 2_000, "kept " + log.lines().size() + " lines");
        assertTrue(log.truncated());
        TraceAnalysis a = new TraceAnalyzer().analyze(log);
        assertEquals(Phase.BACKWARD, a.phase());
        assertEquals(300_000 + 10, a.primary().orElseThrow().line(), "line numbers point into the original file");
    }

    @Test
    void emptyInputIsBlank() throws IOException {
        assertTrue(new LogReader().read(new ByteArrayInputStream(new byte[0])).isBlank());
    }
}
