package io.oomdoc.evidence.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fragments that make a log line worth keeping with its context, searched in the raw bytes. A table of the
 * fragments' first two bytes rules out almost every position with one lookup, so a line that cannot match costs
 * a pass over its bytes and no String, no regex.
 */
final class Triggers {
    static final String[] FRAGMENTS = {"emory", "EMORY", "OOM", "oom", "illed", "ILLED", "RESOURCE_EXHAUSTED",
            "rror", "RROR", "raceback", "xit", "ignal", "ALLOC", "WORKSPACE", "ache block", "gpu_memory", "bad_alloc",
            "KV cache", "kv cache", "Bus error", "allocate"};

    private static final byte[][][] BY_PAIR = new byte[1 << 16][][];
    /** One bit per two-byte pair that starts a fragment: 8 KB, so the per-byte test stays in the L1 cache. */
    private static final long[] STARTS = new long[(1 << 16) / 64];
    /** The pairs that are a fragment's first two bytes or its second and third (every fragment has three). */
    private static final long[] FIRST_OR_SECOND = new long[(1 << 16) / 64];

    static {
        List<List<byte[]>> lists = new ArrayList<>(1 << 16);
        for (int i = 0; i < 1 << 16; i++) lists.add(null);
        for (String f : FRAGMENTS) {
            byte[] b = f.getBytes(StandardCharsets.US_ASCII);
            int key = pair(b[0], b[1]);
            if (lists.get(key) == null) lists.set(key, new ArrayList<>());
            lists.get(key).add(b);
            STARTS[key >>> 6] |= 1L << key;
            FIRST_OR_SECOND[key >>> 6] |= 1L << key;
            int second = pair(b[1], b[2]);
            FIRST_OR_SECOND[second >>> 6] |= 1L << second;
        }
        for (int i = 0; i < 1 << 16; i++) if (lists.get(i) != null) BY_PAIR[i] = lists.get(i).toArray(byte[][]::new);
    }

    private Triggers() {}

    private static int pair(byte a, byte b) { return (a & 0xff) << 8 | (b & 0xff); }

    /** True when the two bytes of {@code pair} (first byte high) start some fragment. */
    static boolean startsAt(int pair) { return (STARTS[pair >>> 6] & 1L << pair) != 0; }

    /** True when a fragment starts at {@code at} and ends before {@code end}. */
    static boolean at(byte[] a, int at, int end) { return any(BY_PAIR[pair(a[at], a[at + 1])], a, at, end); }

    /** True when bytes [off, off+len) contain one of the fragments. */
    static boolean hit(byte[] a, int off, int len) {
        int end = off + len - 1;
        for (int i = off; i < end; i++) {
            int p = pair(a[i], a[i + 1]);
            if ((STARTS[p >>> 6] & 1L << p) != 0 && any(BY_PAIR[p], a, i, off + len)) return true;
        }
        return false;
    }

    /**
     * Where the first fragment in bytes [from, end) starts, or {@code end} when there is none. Looks at every other
     * pair only: a fragment of three bytes or more puts its first or its second pair on a looked-at position.
     */
    static int first(byte[] a, int from, int end) {
        int last = end - 1;
        for (int i = from + 1; i < last; i += 2) {
            int p = (a[i] & 0xff) << 8 | (a[i + 1] & 0xff);
            if ((FIRST_OR_SECOND[p >>> 6] & 1L << p) == 0) continue;
            if (startsAt(a, i - 1, end)) return i - 1;
            if (startsAt(a, i, end)) return i;
        }
        return end;
    }

    private static boolean startsAt(byte[] a, int at, int end) {
        int p = pair(a[at], a[at + 1]);
        return (STARTS[p >>> 6] & 1L << p) != 0 && any(BY_PAIR[p], a, at, end);
    }

    private static boolean any(byte[][] candidates, byte[] a, int at, int end) {
        for (byte[] c : candidates) {
            if (at + c.length > end) continue;
            int k = 2;
            while (k < c.length && a[at + k] == c[k]) k++;
            if (k == c.length) return true;
        }
        return false;
    }

    /** The same test on text (for callers that hold a String). */
    static boolean hit(String line) {
        for (String t : FRAGMENTS) if (line.contains(t)) return true;
        return false;
    }
}
