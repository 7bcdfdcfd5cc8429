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
import java.util.regex.Pattern;

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

    private static final Pattern INTERESTING = Pattern.compile(
            "(?i)out of memory|\\boom\\b|oom[-_ ]kill|killed|resource_exhausted|cuda error|alloc_failed|not_enough_workspace"
            + "|cache blocks|gpu_memory_utilization|traceback|exit code|exitcode|signal|memoryerror|bus error|kv cache");

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

    public LogText read(InputStream in) throws IOException {
        PushbackInputStream pin = new PushbackInputStream(in, 8192);
        byte[] probe = pin.readNBytes(8192);
        rejectBinary(probe);
        pin.unread(probe);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader r = new BufferedReader(new InputStreamReader(pin, decoder), 1 << 16);

        List<LogText.Line> kept = new ArrayList<>();
        ArrayDeque<LogText.Line> window = new ArrayDeque<>(before + 1);
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
            boolean hit = INTERESTING.matcher(raw).find();
            if (hit) {
                if (window.peekFirst() != null && window.peekFirst().number() > lastKept + 1) dropped = true;
                kept.addAll(window);
                window.clear();
                keepAfter = after;
            }
            if (hit || keepAfter > 0) {
                kept.add(LogText.clean(lineNo, raw));
                lastKept = lineNo;
                if (!hit) keepAfter--;
                if (kept.size() > maxKept) { // keep the newest: the failure is near the end
                    kept.subList(headLines, headLines + maxKept / 4).clear();
                    dropped = true;
                }
            } else {
                window.addLast(LogText.clean(lineNo, raw));
                if (window.size() > Math.max(before, tailLines)) window.removeFirst();
            }
        }
        // The tail: the last lines that were not kept already.
        List<LogText.Line> tail = new ArrayList<>(window);
        if (tail.size() > tailLines) { tail = tail.subList(tail.size() - tailLines, tail.size()); dropped = true; }
        if (!tail.isEmpty() && tail.get(0).number() > lastKept + 1) dropped = true;
        kept.addAll(tail);
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
            throw new NotText("this looks like a binary file, not a text log (" + (nul > 0 ? "NUL bytes" : "control bytes")
                    + " in the first " + probe.length + " bytes); pass the training log or the pasted traceback");
        }
    }
}
