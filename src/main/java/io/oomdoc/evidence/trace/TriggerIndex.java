package io.oomdoc.evidence.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where the trigger fragments start in a file, found by helper threads running ahead of the reader. Searching for
 * the fragments costs about twice what counting the line ends costs, and the reader does both over every byte of a
 * quiet log; with the search on other cores, the reader only counts. Each helper searches its own chunks of the
 * file (positional reads, so the reader's stream is untouched); a chunk with too many fragments to list (a log with
 * "memory:" on every line) says so, and the reader searches that stretch itself.
 */
final class TriggerIndex implements AutoCloseable {
    /** Past this many fragments in one chunk the list would cost more than searching again. */
    private static final int MAX_PER_CHUNK = 1 << 16;
    private final int maxPerChunk;
    /** Longer than every fragment: a chunk is searched with this much of the next one after it. */
    private static final int OVERLAP = 64;

    private final FileChannel channel;
    private final long size;
    private final int chunk;
    private final ExecutorService helpers;
    private final Future<long[]>[] chunks;

    TriggerIndex(Path file, int chunk, int threads) throws IOException { this(file, chunk, threads, MAX_PER_CHUNK); }

    /** Each chunk's list: fragment start (absolute) shifted left by 8, or'ed with the shortest fragment's length. */
    @SuppressWarnings("unchecked")
    TriggerIndex(Path file, int chunk, int threads, int maxPerChunk) throws IOException {
        this.maxPerChunk = maxPerChunk;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        this.chunk = chunk;
        this.helpers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "oomdoc-trigger-search");
            t.setDaemon(true);
            return t;
        });
        int n = (int) ((size + chunk - 1) / chunk);
        this.chunks = new Future[n];
        for (int c = 0; c < n; c++) {
            long start = (long) c * chunk;
            chunks[c] = helpers.submit(() -> search(start));
        }
        helpers.shutdown();
    }

    /** Every fragment that starts in the chunk at {@code start}, or null when there are too many to list. */
    private long[] search(long start) throws IOException {
        int len = (int) Math.min(size - start, chunk);
        int end = (int) Math.min(size - start, (long) chunk + OVERLAP);
        byte[] a = new byte[end];
        ByteBuffer b = ByteBuffer.wrap(a);
        while (b.hasRemaining() && channel.read(b, start + b.position()) >= 0) { /* positional reads */ }
        end = b.position();
        long[] out = new long[64];
        int n = 0;
        for (int p = Triggers.first(a, 0, end); p < len; p = Triggers.first(a, p + 1, end)) {
            if (n == maxPerChunk) return null;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = (start + p) << 8 | Triggers.shortestAt(a, p, end);
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * What {@code Triggers.first(a, from, end)} returns, for a block {@code a} that holds the file's bytes from
     * offset {@code base} on: the first fragment that starts in [from, end) and ends by {@code end}, else end.
     */
    int first(byte[] a, long base, int from, int end) {
        long lo = base + from, hi = base + end;
        if (hi > size) return Triggers.first(a, from, end); // the file grew after it was indexed
        for (long c = lo / chunk; c * chunk < hi && c < chunks.length; c++) {
            long[] hits = hits((int) c);
            if (hits == null) return Triggers.first(a, from, end);
            int i = Arrays.binarySearch(hits, lo << 8);
            for (i = i < 0 ? -i - 1 : i; i < hits.length; i++) {
                long p = hits[i] >>> 8;
                if (p >= hi) return end;
                if (p + (hits[i] & 0xff) <= hi) return (int) (p - base);
            }
        }
        return end;
    }

    private long[] hits(int c) {
        try {
            return chunks[c].get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null; // a helper that could not read searches nothing: the reader searches that stretch itself
        }
    }

    @Override
    public void close() throws IOException {
        helpers.shutdownNow();
        channel.close();
    }
}
