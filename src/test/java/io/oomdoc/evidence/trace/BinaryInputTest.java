package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the reader refuses as "not a text log": NUL bytes anywhere in the probe, or more than a tenth of control
 * bytes other than the ones terminals and progress bars write (tab, line ends, escape, backspace, form feed).
 * Fixtures: a real allocator snapshot (snapshots/oom_fragmented.pickle, made by snapshots/make_fixtures.py) and a real
 * trace (traces/visfly-backward-2x.txt, traces/SOURCES.md).
 */
class BinaryInputTest {
    private static final String TRACE = Fixtures.text("traces/visfly-backward-2x.txt");

    private static String refusal(byte[] bytes) {
        return assertThrows(LogReader.NotText.class, () -> new LogReader().read(new ByteArrayInputStream(bytes)))
                .getMessage();
    }

    @Test
    void aPickledSnapshotIsRefusedForItsNulBytes() throws IOException {
        byte[] pickle = Files.readAllBytes(Fixtures.path("snapshots/oom_fragmented.pickle"));
        String why = refusal(pickle);
        assertTrue(why.contains("NUL bytes"), why);
        assertTrue(why.contains("pass the training log"), why);
    }

    @Test
    void oneNulByteInATraceIsEnough() {
        byte[] b = (TRACE + "\0").getBytes(StandardCharsets.UTF_8);
        assertTrue(refusal(b).contains("NUL bytes"));
    }

    @Test
    void terminalControlBytesAreText() throws IOException {
        // colours, tqdm's backspaces and carriage returns, tabs and form feeds in every line
        String noisy = TRACE.lines().map(l -> "\u001B[31m\t" + l + "\b\f\r").reduce("", (a, l) -> a + l + "\n");
        LogText log = new LogReader().read(new ByteArrayInputStream(noisy.getBytes(StandardCharsets.UTF_8)));
        assertFalse(log.lines().isEmpty());
    }

    @Test
    void moreThanATenthOfOtherControlBytesIsRefusedAndATenthIsNot() throws IOException {
        byte[] tenth = new byte[1000];
        java.util.Arrays.fill(tenth, (byte) 'a');
        for (int i = 0; i < 100; i++) tenth[i * 10] = 1; // SOH: no terminal writes it
        assertNotNull(new LogReader().read(new ByteArrayInputStream(tenth)));
        tenth[5] = 2;
        String why = refusal(tenth);
        assertTrue(why.contains("control bytes in the first 1000 bytes"), why);
    }
}
