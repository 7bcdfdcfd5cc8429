package io.oomdoc.evidence.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Jumps over the lines of a block that the reader would only pass through its window of recent lines: those
 * before the last {@code window} lines ahead of the next trigger (or of the block's unfinished last line). They are
 * counted eight bytes at a time, never split or copied, so a plain log costs one search for the triggers and one
 * count of its line ends.
 */
final class Skipper {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

    private final int window;
    /** Lines the last call jumped over. */
    private int skipped;
    /** Where the next trigger starts in the block, once searched. */
    private int nextHit = -1;
    /** No skipping before here: the lines up to the next trigger's line are already the window's. */
    private int settledUntil;
    /** The fragments' places found ahead by other threads, or null to search here. */
    private final TriggerIndex index;
    /** The file offset of the block's byte 0, for the bytes from {@link #indexedFrom} on. */
    private long base;
    private int indexedFrom;

    Skipper(int window, TriggerIndex index) {
        this.window = window;
        this.index = index;
    }

    /**
     * A new block: its byte i is the file's byte {@code base + i} for i from {@code indexedFrom} on (before that,
     * the block holds a cut line carried over, whose bytes are not where the index saw them).
     */
    void newBlock(long base, int indexedFrom) {
        nextHit = -1;
        settledUntil = 0;
        this.base = base;
        this.indexedFrom = indexedFrom;
    }

    /**
     * From line start {@code from} (in a block filled up to {@code filled}; {@code afterCr}: the byte before ended a
     * line with '\r'), finds what the keeper need not see and returns the line start to go on from ({@code from}
     * when nothing can be skipped); {@link #skipped()} says how many lines that jumped over.
     */
    int skip(byte[] a, int from, int filled, boolean afterCr) {
        skipped = 0;
        if (from < settledUntil) return from;
        if (nextHit < from) nextHit = index != null && from >= indexedFrom ? index.first(a, base, from, filled)
                : Triggers.first(a, from, filled);
        int end = lineStartBefore(a, from, nextHit);
        settledUntil = end;
        int cut = startOfLastLines(a, from, end);
        if (cut <= from) return from;
        int ends = index != null && from >= indexedFrom ? index.lineEnds(a, base, from, cut) : lineEnds(a, from, cut);
        skipped = ends - (afterCr && a[from] == '\n' ? 1 : 0);
        return cut;
    }

    int skipped() { return skipped; }

    /** The start of the line that holds {@code at}: just after the last line end in [from, at). */
    private static int lineStartBefore(byte[] a, int from, int at) {
        for (int j = at - 1; j >= from; j--) if (a[j] == '\n' || a[j] == '\r') return j + 1;
        return from;
    }

    /**
     * The start of the last {@code window} lines that end before {@code end} (itself a line start), or {@code from}
     * when [from, end) holds no more lines than that. A cut always falls after a whole "\r\n".
     */
    private int startOfLastLines(byte[] a, int from, int end) {
        int seen = 0;
        for (int j = end - 1; j >= from; j--) {
            byte c = a[j];
            if (c != '\n' && c != '\r') continue;
            if (++seen > window) return j + 1;
            if (c == '\n' && j > from && a[j - 1] == '\r') j--;
        }
        return from;
    }

    /** Line ends in [from, to): each '\n' and each '\r', less the '\r' of every "\r\n". */
    static int lineEnds(byte[] a, int from, int to) {
        int n = 0, i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i);
            long cr = zeroBytes(x ^ 0x0d0d0d0d0d0d0d0dL);
            n += Long.bitCount(zeroBytes(x ^ 0x0a0a0a0a0a0a0a0aL)) + Long.bitCount(cr);
            if (cr != 0) n -= crlf(a, i, i + 8, to);
        }
        n -= crlf(a, i, to, to);
        for (; i < to; i++) if (a[i] == '\n' || a[i] == '\r') n++;
        return n;
    }

    /** 0x80 in each byte of {@code x} that is zero, nothing elsewhere (no carries between bytes). */
    private static long zeroBytes(long x) { return ~(((x & LOW7) + LOW7) | x | LOW7); }

    /** The '\r' in [from, to) that a '\n' before {@code limit} follows. */
    private static int crlf(byte[] a, int from, int to, int limit) {
        int n = 0;
        for (int j = from; j < to; j++) if (a[j] == '\r' && j + 1 < limit && a[j + 1] == '\n') n++;
        return n;
    }
}
