package io.oomdoc.evidence.trace;

import java.nio.charset.StandardCharsets;

/**
 * The last N lines of a log as raw bytes in reused slots: most lines of a big log are never kept, so they are
 * copied (cheap) but never decoded into Strings (dear) unless a later hit or the end of the log asks for them.
 */
final class LineWindow {
    private final byte[][] slots;
    private final int[] lengths;
    private final int[] numbers;
    private int start;
    private int size;

    LineWindow(int capacity) {
        slots = new byte[Math.max(1, capacity)][];
        lengths = new int[slots.length];
        numbers = new int[slots.length];
    }

    int size() { return size; }

    int capacity() { return slots.length; }

    /** Adds a line; when full the oldest goes, and true is returned. */
    boolean add(int number, byte[] a, int off, int len) {
        boolean dropped = size == slots.length;
        int at = dropped ? start : (start + size) % slots.length;
        if (dropped) start = (start + 1) % slots.length;
        else size++;
        if (slots[at] == null || slots[at].length < len) slots[at] = new byte[Math.max(len, 128)];
        System.arraycopy(a, off, slots[at], 0, len);
        lengths[at] = len;
        numbers[at] = number;
        return dropped;
    }

    int number(int i) { return numbers[(start + i) % slots.length]; }

    String text(int i) {
        int at = (start + i) % slots.length;
        return new String(slots[at], 0, lengths[at], StandardCharsets.UTF_8);
    }

    void clear() {
        start = 0;
        size = 0;
    }
}
