package io.oomdoc.evidence.trace;

import java.io.IOException;
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
    private final Future<Chunk>[] chunks;
    private final ThreadLocal<byte[]> buffers;

    TriggerIndex(Path file, int chunk, int threads) throws IOException { this(file, chunk, threads, MAX_PER_CHUNK); }

    /** Each chunk's list: fragment start (absolute) shifted left by 8, or'ed with the shortest fragment's length. */
    @SuppressWarnings("unchecked")
    TriggerIndex(Path file, int chunk, int threads, int maxPerChunk) throws IOException {
        this.maxPerChunk = maxPerChunk;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        this.chunk = chunk;
        this.buffers = ThreadLocal.withInitial(() -> new byte[chunk + OVERLAP]);
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

    /**
     * One chunk's findings. {@code hits}: every fragment that starts in it, or null when there are too many to list.
     * {@code lineEnds}: the line ends in each granule of the chunk, where a '\r' that a '\n' follows (anywhere in
     * the file) is no line end of its own.
     */
    private record Chunk(long[] hits, int[] lineEnds) {}

    /**
     * Lines are counted per granule: the reader's skips span about a megabyte, so it adds up whole granules and
     * counts only the bytes at either end itself.
     */
    static final int GRANULE = 1 << 16;

    private Chunk search(long start) throws IOException {
        int len = (int) Math.min(size - start, chunk);
        int end = (int) Math.min(size - start, (long) chunk + OVERLAP);
        byte[] a = buffers.get(); // one per helper, reused: a fresh 4 MB array per chunk costs its zeroing and a GC
        end = MappedInput.copy(channel, start, a, end);
        return new Chunk(hits(a, start, Math.min(len, end), end), lineEnds(a, Math.min(len, end), end));
    }

    private long[] hits(byte[] a, long start, int len, int end) {
        long[] out = new long[64];
        int n = 0;
        for (int p = Triggers.first(a, 0, end); p < len; p = Triggers.first(a, p + 1, end)) {
            if (n == maxPerChunk) return null;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = (start + p) << 8 | Triggers.shortestAt(a, p, end);
        }
        return Arrays.copyOf(out, n);
    }

    /** Line ends per granule of bytes [0, len), looking one byte past each granule (into the overlap too). */
    private static int[] lineEnds(byte[] a, int len, int end) {
        int[] counts = new int[(len + GRANULE - 1) / GRANULE];
        for (int g = 0; g < counts.length; g++) {
            int from = g * GRANULE, to = Math.min(len, from + GRANULE);
            int n = Skipper.lineEnds(a, from, to);
            if (a[to - 1] == '\r' && to < end && a[to] == '\n') n--; // the pair's '\n' is the next granule's
            counts[g] = n;
        }
        return counts;
    }

    /**
     * What {@code Skipper.lineEnds(a, from, to)} returns, for a block {@code a} that holds the file's bytes from
     * offset {@code base} on: whole granules come from the helpers' counts, only the bytes before the first and
     * after the last are counted here.
     */
    int lineEnds(byte[] a, long base, int from, int to) {
        long lo = base + from, hi = base + to;
        if (hi > size || to - from < 2 * GRANULE) return Skipper.lineEnds(a, from, to);
        long first = granuleAtOrAfter(lo);
        long p = first;
        int n = 0;
        while (p < hi) {
            int c = (int) (p / chunk);
            Chunk found = chunk(c);
            int g = (int) ((p - (long) c * chunk) / GRANULE);
            if (found == null || g >= found.lineEnds().length) break; // a chunk that could not be read whole
            long next = Math.min((long) c * chunk + (long) (g + 1) * GRANULE, Math.min((long) (c + 1) * chunk, size));
            if (next >= hi) break; // the last granule must end before hi: the bytes from there are counted here
            n += found.lineEnds()[g];
            p = next;
        }
        if (p == first) return Skipper.lineEnds(a, from, to);
        int at = (int) (first - base);
        n += Skipper.lineEnds(a, from, at) + Skipper.lineEnds(a, (int) (p - base), to);
        if (at > from && a[at - 1] == '\r' && a[at] == '\n') n--; // counted on both sides of the first boundary
        return n;
    }

    /** A stretch the reader may jump over: to a granule start, the line ends before it, whether a '\r' ends it. */
    record Jump(long to, long lines, boolean afterCr) {}

    /**
     * Where the reader, at line start {@code from} with nothing to keep until the next fragment, may jump to: a
     * granule start at least {@code minGap} bytes on with more than {@code lines} line ends between it and the
     * granule of the next fragment (or the file's end), so every line it jumps over would only have passed through
     * the window of the last {@code lines} lines and out of it again. Null when there is none, or when a chunk on
     * the way was not listed.
     */
    Jump jump(long from, int lines, long minGap) throws IOException {
        long next = nextHit(from);
        if (next < 0) return null;
        long cur = next >= size ? size : granuleStart(next);
        long sum = 0;
        while (cur > from && sum <= lines + 1) {
            long g = granuleStart(cur - 1);
            int n = granuleCount(g);
            if (n < 0) return null;
            sum += n;
            cur = g;
        }
        if (sum <= lines + 1 || cur - from < minGap) return null;
        long skipped = lineEnds(from, cur);
        return skipped < 0 ? null : new Jump(cur, skipped, byteAt(cur - 1) == '\r');
    }

    /** The line ends the helpers counted in the granule at {@code start}; -1 when its chunk was not read whole. */
    private int granuleCount(long start) {
        Chunk found = chunk((int) (start / chunk));
        int g = (int) ((start % chunk) / GRANULE);
        return found == null || g >= found.lineEnds().length ? -1 : found.lineEnds()[g];
    }

    /** The first fragment listed at or after {@code from}; the file's size when there is none; -1 when unknown. */
    private long nextHit(long from) {
        for (long c = from / chunk; c < chunks.length; c++) {
            Chunk found = chunk((int) c);
            if (found == null || found.hits() == null) return -1;
            long[] hits = found.hits();
            int i = Arrays.binarySearch(hits, from << 8);
            i = i < 0 ? -i - 1 : i;
            if (i < hits.length) return hits[i] >>> 8;
        }
        return size;
    }

    /** The start of the granule that holds {@code offset}. */
    private long granuleStart(long offset) {
        long c = offset / chunk;
        return c * chunk + (offset - c * chunk) / GRANULE * GRANULE;
    }

    /**
     * What {@code Skipper.lineEnds} counts over the file's bytes [lo, hi), {@code hi} a granule start: the bytes
     * before the first granule start are read here, the whole granules come from the helpers' counts; -1 when a
     * chunk on the way was not read whole (the file shrank).
     */
    private long lineEnds(long lo, long hi) throws IOException {
        long first = Math.min(granuleAtOrAfter(lo), hi);
        byte[] head = bytes(lo, (int) (first - lo) + 1);
        long n = Skipper.lineEnds(head, 0, (int) (first - lo));
        if (first == hi) return n;
        for (long g = first; g < hi; g = Math.min(granuleStart(g) + GRANULE, (g / chunk + 1) * chunk)) {
            int c = granuleCount(g);
            if (c < 0) return -1;
            n += c;
        }
        if (first > lo && head[(int) (first - lo) - 1] == '\r' && head[(int) (first - lo)] == '\n') n--;
        if (byteAt(hi - 1) == '\r' && byteAt(hi) == '\n') n++; // the granules leave a "\r\n" to its '\n'
        return n;
    }

    private byte[] bytes(long from, int n) throws IOException {
        byte[] a = new byte[n];
        MappedInput.copy(channel, from, a, n);
        return a;
    }

    private int byteAt(long offset) throws IOException {
        return offset < 0 || offset >= size ? -1 : bytes(offset, 1)[0];
    }

    /** The first granule boundary at or after {@code offset}: a chunk holds its granules from its own start. */
    private long granuleAtOrAfter(long offset) {
        long c = offset / chunk, inChunk = offset - c * chunk;
        long g = (inChunk + GRANULE - 1) / GRANULE * GRANULE;
        return g >= chunk ? (c + 1) * chunk : c * chunk + g;
    }

    /**
     * What {@code Triggers.first(a, from, end)} returns, for a block {@code a} that holds the file's bytes from
     * offset {@code base} on: the first fragment that starts in [from, end) and ends by {@code end}, else end.
     */
    int first(byte[] a, long base, int from, int end) {
        long lo = base + from, hi = base + end;
        if (hi > size) return Triggers.first(a, from, end); // the file grew after it was indexed
        for (long c = lo / chunk; c * chunk < hi && c < chunks.length; c++) {
            Chunk found = chunk((int) c);
            long[] hits = found == null ? null : found.hits();
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

    private Chunk chunk(int c) {
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
