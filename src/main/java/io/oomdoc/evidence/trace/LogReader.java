package io.oomdoc.evidence.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a log of any size and keeps only what a diagnosis needs: the head (arguments, setup),
 * the lines around every memory-related message, and the tail. Memory stays bounded however
 * large the input is.
 */
public final class LogReader {
    /** Raised for input that is not a text log at all. */
    public static final class NotText extends IOException {
        public NotText(String message) { super(message); }
    }

    /**
     * Substrings that make a line worth keeping with its context. Plain indexOf on a few fragments is
     * an order of magnitude faster than a case-insensitive regex over every line of a 100 MB log.
     */
    private static final String[] TRIGGERS = {"emory", "EMORY", "OOM", "oom", "illed", "ILLED", "RESOURCE_EXHAUSTED",
            "rror", "RROR", "raceback", "xit", "ignal", "ALLOC", "WORKSPACE", "ache block", "gpu_memory", "bad_alloc",
            "KV cache", "kv cache", "Bus error", "allocate"};

    private record Raw(int number, String text) {}

    private final int headLines;
    private final int before;
    private final int after;
    private final int tailLines;
    private final int maxKept;

    public LogReader() { this(200, 300, 100, 300, 20_000); }

    public LogReader(int headLines, int before, int after, int tailLines, int maxKept) {
        this.headLines = headLines;
        this.before = before;
        this.after = after;
        this.tailLines = tailLines;
        this.maxKept = maxKept;
    }

    static boolean interesting(String line) {
        for (String t : TRIGGERS) if (line.contains(t)) return true;
        return false;
    }

    public LogText read(InputStream in) throws IOException {
        PushbackInputStream pin = new PushbackInputStream(in, 8192);
        byte[] probe = pin.readNBytes(8192);
        rejectBinary(probe);
        pin.unread(probe);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader r = new BufferedReader(new InputStreamReader(pin, decoder), 1 << 16);

        List<LogText.Line> kept = new ArrayList<>();
        int windowSize = Math.max(before, tailLines);
        ArrayDeque<Raw> window = new ArrayDeque<>(windowSize + 1);
        int lineNo = 0, keepAfter = 0, lastKept = 0;
        boolean dropped = false;
        String raw;
        while ((raw = r.readLine()) != null) {
            lineNo++;
            if (raw.length() > 20_000) raw = raw.substring(0, 20_000); // minified or binary-ish line
            if (lineNo <= headLines) {
                kept.add(LogText.clean(lineNo, raw));
                lastKept = lineNo;
                continue;
            }
            boolean hit = interesting(raw);
            if (hit) {
                int keepFrom = Math.max(0, window.size() - before);
                int i = 0;
                for (Raw w : window) {
                    if (i++ < keepFrom) continue;
                    if (w.number() > lastKept + 1 && kept.size() > 0 && i == keepFrom + 1) dropped = true;
                    kept.add(LogText.clean(w.number(), w.text()));
                }
                window.clear();
                keepAfter = after;
            }
            if (hit || keepAfter > 0) {
                if (!hit && lineNo > lastKept + 1) dropped = true;
                kept.add(LogText.clean(lineNo, raw));
                lastKept = lineNo;
                if (!hit) keepAfter--;
                if (kept.size() > maxKept) { // keep the newest: the failure is near the end
                    kept.subList(headLines, headLines + maxKept / 4).clear();
                    dropped = true;
                }
            } else {
                window.addLast(new Raw(lineNo, raw));
                if (window.size() > windowSize) { window.removeFirst(); dropped = true; }
            }
        }
        List<Raw> tail = new ArrayList<>(window);
        if (tail.size() > tailLines) { tail = tail.subList(tail.size() - tailLines, tail.size()); dropped = true; }
        for (Raw t : tail) kept.add(LogText.clean(t.number(), t.text()));
        return new LogText(kept, dropped);
    }

    static void rejectBinary(byte[] probe) throws NotText {
        if (probe.length == 0) return;
        int nul = 0, control = 0;
        for (byte b : probe) {
            int c = b & 0xff;
            if (c == 0) nul++;
            else if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != 27 && c != 8 && c != 12) control++;
        }
        if (nul > 0 || control > probe.length / 10) {
            throw new NotText("this looks like a binary file, not a text log (" + (nul > 0 ? "NUL bytes"
                    : "control bytes")
                    + " in the first " + probe.length + " bytes); pass the training log or the pasted traceback");
        }
    }
}
