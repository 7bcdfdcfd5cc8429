package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trigger places that helper threads find ahead of the reader (TriggerIndex) answer as the reader's own search
 * does, they count line ends as the reader does, and reading a file with them (jumping over quiet megabytes)
 * keeps exactly what reading it alone keeps. Real traces (traces/, see its SOURCES.md) and real training-log lines
 * (bench/training-log-lines.txt).
 */
class TriggerIndexTest {
    @TempDir Path dir;

    private static final String[] TRACES = {"cylinder3d-backward-tqdm-1x.txt", "jax-bufferassignment.txt",
            "memory-summary-pytorch35901.txt", "notoom-gauhuman-illegal-access.txt", "qwen3coder-rank3-2x.txt",
            "rwkv-cudamallocasync.txt", "segtoolbox-backward-1x-cached.txt", "tf-models-shape-oom.txt",
            "tgi-warmup-async-escaped.txt", "thc-model-cuda-legacy.txt", "visfly-backward-2x.txt",
            "vllm-10517-max-model-len-kv.txt", "vllm-kaito-2x.txt"};

    private static byte[] allTraces() {
        StringBuilder sb = new StringBuilder();
        for (String t : TRACES) sb.append(Fixtures.text("traces/" + t));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Path write(byte[] b) throws IOException {
        return Files.write(dir.resolve("log-" + b.length + ".txt"), b);
    }

    @Test
    void theIndexFindsTheFirstTriggerOfAnyStretchAsTheSearchDoes() throws IOException {
        byte[] b = allTraces();
        // chunks of 61 and 1000 bytes put fragments across chunk ends; a cap of 3 per chunk makes the dense chunks
        // fall back to the search
        for (int[] shape : new int[][]{{61, 1_000_000}, {1000, 1_000_000}, {1000, 3}}) {
            try (TriggerIndex index = new TriggerIndex(write(b), shape[0], 2, shape[1])) {
                for (int base = 0; base < b.length - 700; base += 97) {
                    byte[] block = Arrays.copyOfRange(b, base, base + 700);
                    for (int from = 0; from < 600; from += 7) {
                        for (int end : new int[]{from + 2, from + 5, from + 40, 700}) {
                            assertEquals(Triggers.first(block, from, end), index.first(block, base, from, end),
                                    shape[0] + "/" + shape[1] + " at " + base + ": " + from + ".." + end);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theIndexCountsTheLineEndsOfAnyStretchAsTheReaderDoes() throws IOException {
        // real log lines ending in \n, \r\n and lone \r (tqdm), so pairs fall across granule and chunk ends
        String plain = Fixtures.text("bench/training-log-lines.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 700_000; i++) sb.append(plain.replace("\n", i % 3 == 0 ? "\r\n" : i % 3 == 1
                ? "\r" : "\n"));
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        Path file = write(b);
        for (int chunk : new int[]{TriggerIndex.GRANULE * 3 + 17, 1 << 20, 4093}) {
            try (TriggerIndex index = new TriggerIndex(file, chunk, 2)) {
                for (int base = 0; base < 200_000; base += 49_999) {
                    byte[] block = Arrays.copyOfRange(b, base, b.length);
                    for (int from = 0; from < 70_000; from += 6_997) {
                        for (int to = from + 2 * TriggerIndex.GRANULE; to < block.length; to += 65_537) {
                            assertEquals(Skipper.lineEnds(block, from, to), index.lineEnds(block, base, from, to),
                                    chunk + " at " + base + ": " + from + ".." + to);
                        }
                    }
                }
            }
        }
    }

    @Test
    void readingAFileWithTheIndexKeepsWhatReadingItAloneKeeps() throws IOException {
        for (String end : new String[]{"\n", "\r\n", "\r"}) {
            for (int[] shape : new int[][]{{30_000, 40, 25_000}, {20, 2, 5}, {17_000, 600, 0}}) {
                byte[] log = LogReaderLinesTest.longLog(end, shape[0], shape[1], shape[2]);
                Path file = write(log);
                for (LogReader r : new LogReader[]{new LogReader(), new LogReader(5, 3, 2, 4, 60)}) {
                    for (int chunk : new int[]{1 << 20, 65_521, 4093}) {
                        LogText alone = r.read(new ByteArrayInputStream(log));
                        LogText indexed;
                        try (TriggerIndex index = new TriggerIndex(file, chunk, 2);
                             InputStream in = Files.newInputStream(file)) {
                            indexed = r.read(in, index);
                        }
                        String what = shape[0] + "/" + shape[1] + "/" + shape[2] + " " + end.length() + " " + chunk;
                        assertEquals(alone.lines(), indexed.lines(), what);
                        assertEquals(alone.truncated(), indexed.truncated(), what);
                    }
                }
            }
        }
    }

    @Test
    void aLongQuietStretchIsJumpedOverUnreadAndTheSameLinesAreKept() throws IOException {
        // 120,000 real quiet lines (about 6 MB) between two real traces: the reader should read the megabytes near
        // the triggers and the tail, not the stretch between, and keep what reading every byte keeps
        for (String end : new String[]{"\n", "\r\n", "\r"}) {
            byte[] log = LogReaderLinesTest.longLog(end, 120_000, 40, 300);
            Path file = write(log);
            LogReader r = new LogReader();
            LogText alone = r.read(new ByteArrayInputStream(log));
            long[] read = {0};
            try (TriggerIndex index = new TriggerIndex(file, 1 << 20, 2);
                 InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
                     @Override
                     public int read(byte[] b, int off, int len) throws IOException {
                         int n = super.read(b, off, len);
                         if (n > 0) read[0] += n;
                         return n;
                     }
                 }) {
                assertEquals(alone.lines(), r.read(in, index).lines(), end.length() + "");
            }
            assertTrue(read[0] < log.length / 2, "read " + read[0] + " of " + log.length + " bytes");
        }
    }

    @Test
    void aLineLongerThanTheCutAcrossABlockEndIsReadAsWithoutTheIndex() throws IOException {
        // the reader keeps only the first 20,000 bytes of a long line, so the block after it is not the file's
        // bytes at one offset: the index must not be asked there
        String plain = Fixtures.text("bench/training-log-lines.txt");
        StringBuilder sb = new StringBuilder();
        while (sb.length() < (1 << 20) - 5_000) sb.append("step loss 0.25 lr 1e-4\n");
        sb.append("x".repeat(30_000)).append(" memory\n").append(plain).append(plain);
        byte[] log = sb.toString().getBytes(StandardCharsets.UTF_8);
        Path file = write(log);
        LogReader r = new LogReader(5, 3, 2, 4, 60);
        LogText alone = r.read(new ByteArrayInputStream(log));
        try (TriggerIndex index = new TriggerIndex(file, 4093, 2); InputStream in = Files.newInputStream(file)) {
            assertEquals(alone.lines(), r.read(in, index).lines());
        }
        List<LogText.Line> viaPath = r.read(file).lines();
        assertEquals(alone.lines(), viaPath);
    }
}
