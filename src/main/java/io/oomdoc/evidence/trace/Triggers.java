package io.oomdoc.evidence.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fragments that make a log line worth keeping with its context, searched in the raw bytes. A table of the
 * fragments' first two bytes rules out almost every position with one lookup, so a line that cannot match costs
 * a pass over its bytes and no String, no regex.
 */
final class Triggers {
    /**
     * Each fragment with its anchor: three bytes of it, the first two ASCII letters, chosen rare in real logs (pair
     * counts over the traces and corpus pastes of src/test/resources and a plain training log: "it", "ch", "ac" of
     * "it/s", "Epoch", "acc" are on most lines, "rr", "eb", "gn", "xi" almost nowhere). The search looks only for
     * the anchors' pairs.
     */
    private static final String[][] ROWS = {{"emory", "emo"}, {"EMORY", "EMO"}, {"OOM", "OOM"}, {"oom", "oom"},
            {"illed", "ill"}, {"ILLED", "LED"}, {"RESOURCE_EXHAUSTED", "EXH"}, {"rror", "rro"}, {"RROR", "RRO"},
            {"raceback", "eba"}, {"exit", "exi"}, {"Exit", "Exi"}, {"EXIT", "EXI"}, {"ignal", "ign"},
            {"ALLOC", "LOC"}, {"WORKSPACE", "RKS"}, {"ache block", "he "}, {"gpu_memory", "gpu"},
            {"bad_alloc", "bad"}, {"KV cache", "KV "}, {"kv cache", "kv "}, {"Bus error", "rro"},
            // cuDNN's and cuBLAS's status codes (Caffe's "CUDNN_STATUS_EXECUTION_FAILED") carry no other fragment
            {"allocate", "all"}, {"_STATUS_", "TUS"}};

    static final String[] FRAGMENTS = Arrays.stream(ROWS).map(r -> r[0]).toArray(String[]::new);

    /** Eight bytes as one long, the first byte highest, so that a pair is two adjacent bytes of it. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The high bits of the four bytes on even offsets of a long read as above. */
    private static final long EVEN = 0x8000800080008000L;
    private static final byte[][][] BY_PAIR = new byte[1 << 16][][];
    /** One bit per two-byte pair that starts a fragment: 8 KB, so the per-byte test stays in the L1 cache. */
    private static final long[] STARTS = new long[(1 << 16) / 64];
    /** One bit per pair of some fragment's anchor (its first two bytes or its last two). */
    private static final long[] ANCHOR_PAIRS = new long[(1 << 16) / 64];
    /** Per anchor pair: the fragments it may belong to, and where such a fragment starts relative to the pair. */
    private static final Anchored[][] BY_ANCHOR_PAIR = new Anchored[1 << 16][];
    /** How far past a fragment's start its anchor's second pair may lie. */
    private static final int REACH;

    private record Anchored(byte[] fragment, int offset) {}

    // Each table slot grows by one copy per fragment that lands in it (a few dozen in all): filling and then
    // walking 65,536 lists here ran interpreted on every start and cost more than reading a short log.
    static {
        int reach = 0;
        for (String[] row : ROWS) {
            byte[] b = row[0].getBytes(StandardCharsets.US_ASCII);
            int k = anchorOffset(row[0], row[1]);
            int key = pair(b[0], b[1]);
            BY_PAIR[key] = BY_PAIR[key] == null ? new byte[][]{b} : append(BY_PAIR[key], b);
            STARTS[key >>> 6] |= 1L << key;
            // a fragment puts its anchor's first or its second pair on an even offset
            for (int j = k; j <= k + 1; j++) {
                int p = pair(b[j], b[j + 1]);
                ANCHOR_PAIRS[p >>> 6] |= 1L << p;
                Anchored a = new Anchored(b, -j);
                BY_ANCHOR_PAIR[p] = BY_ANCHOR_PAIR[p] == null ? new Anchored[]{a} : append(BY_ANCHOR_PAIR[p], a);
            }
            reach = Math.max(reach, k + 1);
        }
        REACH = reach;
    }

    private static <T> T[] append(T[] slot, T item) {
        T[] out = Arrays.copyOf(slot, slot.length + 1);
        out[slot.length] = item;
        return out;
    }

    private Triggers() {}

    /**
     * Where {@code anchor} starts in {@code fragment}. first() passes over eight bytes with no letter on an even
     * offset, so every pair it looks up must start with a letter: an anchor is three bytes whose first two are ASCII
     * letters.
     */
    static int anchorOffset(String fragment, String anchor) {
        int k = fragment.indexOf(anchor);
        if (k < 0 || anchor.length() != 3 || !isLetter((byte) anchor.charAt(0)) || !isLetter((byte) anchor.charAt(1))) {
            throw new IllegalArgumentException("anchor \"" + anchor + "\" of \"" + fragment + "\": three bytes of the"
                    + " fragment, the first two ASCII letters");
        }
        return k;
    }

    private static boolean isLetter(byte c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

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
     * Where the first fragment in bytes [from, end) starts, or {@code end} when there is none. Looks at the pairs on
     * even offsets from {@code from} only (every fragment puts its anchor's first or its second pair on one), four
     * of them per eight-byte load: eight bytes with no ASCII letter on those offsets are passed over after a few
     * arithmetic operations, the others test their four pairs against the anchors' table before branching once.
     */
    static int first(byte[] a, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(a, i);
            if ((letters(w) & EVEN) == 0) continue; // no pair on an even offset starts with a letter
            int p0 = (int) (w >>> 48), p1 = (int) (w >>> 32) & 0xffff, p2 = (int) (w >>> 16) & 0xffff;
            int p3 = (int) w & 0xffff;
            long any = ANCHOR_PAIRS[p0 >>> 6] >>> p0 | ANCHOR_PAIRS[p1 >>> 6] >>> p1
                    | ANCHOR_PAIRS[p2 >>> 6] >>> p2 | ANCHOR_PAIRS[p3 >>> 6] >>> p3;
            if ((any & 1) == 0) continue;
            int at = firstAround(a, from, i, i + 8, end);
            if (at >= 0) return at;
        }
        int at = firstAround(a, from, i, end - 1, end);
        return at >= 0 ? at : end;
    }

    /** 0x80 in each byte of {@code w} that is an ASCII letter, nothing elsewhere (no carries between bytes). */
    static long letters(long w) {
        long folded = w | 0x2020202020202020L; // upper case onto lower case
        long ascii = folded & 0x7f7f7f7f7f7f7f7fL;
        long atLeastA = ascii + 0x1f1f1f1f1f1f1f1fL; // 0x80 set where the byte is 'a' (0x61) or above
        long aboveZ = ascii + 0x0505050505050505L; // 0x80 set where the byte is above 'z' (0x7a)
        return atLeastA & ~aboveZ & ~w & 0x8080808080808080L; // ~w: a byte of 0x80 or more is no ASCII letter
    }

    /**
     * The first fragment whose anchor has a pair on an even offset in [i, to), or -1. Once one is found, the pairs
     * up to {@link #REACH} bytes past its start are looked at too: a fragment anchored further on may start earlier.
     */
    private static int firstAround(byte[] a, int from, int i, int to, int end) {
        int best = -1;
        for (int j = i; (j < to || best >= 0 && j <= best + REACH) && j + 1 < end; j += 2) {
            int p = (a[j] & 0xff) << 8 | (a[j + 1] & 0xff);
            if ((ANCHOR_PAIRS[p >>> 6] & 1L << p) == 0) continue;
            for (Anchored c : BY_ANCHOR_PAIR[p]) {
                int at = j + c.offset();
                if (at >= from && (best < 0 || at < best) && matches(c.fragment(), a, at, end)) best = at;
            }
        }
        return best;
    }

    /** The length of the shortest fragment that starts at {@code at} and ends by {@code end} (one must). */
    static int shortestAt(byte[] a, int at, int end) {
        int shortest = Integer.MAX_VALUE;
        for (byte[] c : BY_PAIR[pair(a[at], a[at + 1])]) {
            if (c.length < shortest && any(new byte[][]{c}, a, at, end)) shortest = c.length;
        }
        return shortest;
    }

    private static boolean any(byte[][] candidates, byte[] a, int at, int end) {
        for (byte[] c : candidates) if (matches(c, a, at, end)) return true;
        return false;
    }

    /** True when {@code c} is in {@code a} at {@code at}, ending by {@code end}. */
    private static boolean matches(byte[] c, byte[] a, int at, int end) {
        if (at + c.length > end) return false;
        int k = 0;
        while (k < c.length && a[at + k] == c[k]) k++;
        return k == c.length;
    }

    /** The same test on text (for callers that hold a String). */
    static boolean hit(String line) {
        for (String t : FRAGMENTS) if (line.contains(t)) return true;
        return false;
    }
}
