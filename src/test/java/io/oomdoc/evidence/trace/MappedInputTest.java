package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A big log read through mapped windows gives the file's bytes in order, whatever the sizes of the reads and of the
 * windows, and a skip moves on without reading; a file cut short under it is a read error. A real trace
 * (traces/vllm-kaito-2x.txt, see traces/SOURCES.md), repeated.
 */
class MappedInputTest {
    @TempDir Path dir;

    private Path trace() throws IOException {
        byte[] b = Fixtures.text("traces/vllm-kaito-2x.txt").repeat(10).getBytes(StandardCharsets.UTF_8);
        return Files.write(dir.resolve("trace.txt"), b);
    }

    @Test
    void readsTheFileWholeAcrossWindowEndsWithReadsOfAnySize() throws IOException {
        Path file = trace();
        byte[] expected = Files.readAllBytes(file);
        for (long window : new long[]{1, 7, 4096, 1 << 20}) {
            for (int read : new int[]{1, 5, 1000, 1 << 16}) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    MappedInput in = new MappedInput(ch, window);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] b = new byte[read];
                    for (int n; (n = in.read(b, 0, read)) >= 0; ) out.write(b, 0, n);
                    assertArrayEquals(expected, out.toByteArray(), window + "/" + read);
                    assertEquals(-1, in.read(), "nothing after the end");
                }
            }
        }
    }

    @Test
    void aSkipJumpsToTheByteAfterItAndStopsAtTheEnd() throws IOException {
        Path file = trace();
        byte[] all = Files.readAllBytes(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedInput in = new MappedInput(ch, 64);
            assertEquals(all[0] & 0xff, in.read());
            assertEquals(999, in.skip(999));
            byte[] b = new byte[10];
            assertEquals(10, in.read(b, 0, 10));
            assertArrayEquals(Arrays.copyOfRange(all, 1000, 1010), b);
            assertEquals(all.length - 1010, in.skip(Long.MAX_VALUE / 2));
            assertEquals(-1, in.read(b, 0, 10));
            assertEquals(0, in.read(b, 0, 0));
        }
    }

    @Test
    void aFileCutShortWhileItIsReadIsAReadErrorNotACrash() throws IOException {
        // logrotate's copytruncate empties a training log in place while something may be reading it
        Path file = dir.resolve("rotated.log");
        Files.write(file, Fixtures.text("traces/vllm-kaito-2x.txt").repeat(20_000).getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedInput in = new MappedInput(ch);
            byte[] b = new byte[1 << 20];
            assertEquals(b.length, in.read(b, 0, b.length));
            try (FileChannel w = FileChannel.open(file, StandardOpenOption.WRITE)) {
                w.truncate(4096);
            }
            IOException e = assertThrows(IOException.class, () -> {
                while (in.read(b, 0, b.length) > 0) { /* reads into the pages that are gone */ }
            });
            assertTrue(e.getMessage().contains("cut short"), e.getMessage());
            assertEquals(0, MappedInput.copy(ch, 1 << 20, b, b.length), "past the new end there is nothing to copy");
        }
    }

    @Test
    void aRegularFileCanBeMappedAndAnEmptyOneToo() throws IOException {
        Path file = trace();
        Path empty = Files.write(dir.resolve("empty.log"), new byte[0]);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel none = FileChannel.open(empty, StandardOpenOption.READ)) {
            assertTrue(MappedInput.canMap(ch));
            assertTrue(MappedInput.canMap(none));
        }
    }

    @Test
    void copyGivesTheBytesAtAnOffsetAndFewerAtTheEnd() throws IOException {
        Path file = trace();
        byte[] all = Files.readAllBytes(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] a = new byte[100];
            assertEquals(100, MappedInput.copy(ch, 50, a, 100));
            assertArrayEquals(Arrays.copyOfRange(all, 50, 150), a);
            assertEquals(20, MappedInput.copy(ch, all.length - 20, a, 100));
            assertEquals(0, MappedInput.copy(ch, all.length + 5, a, 100));
        }
    }
}
