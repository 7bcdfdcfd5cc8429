package io.oomdoc.evidence.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Why a big log could not be read to its end: it was truncated under the reader (see MappedInput). */
    public static final String CUT_SHORT = TraceText.get("log.cut.short");

    /** Lines longer than this are cut (minified or binary-ish); a trigger past the cut is not seen. */
    private static final int MAX_LINE = 20_000;
    /** Large reads: the scan runs over whole megabytes, not over a reader's small buffer. */
    private static final int BUFFER = 1 << 20;
    private static final int PROBE = 8192;

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

    /**
     * Reads the whole stream in large blocks, splitting lines at '\n', '\r' or "\r\n" on the bytes; a line is
     * decoded (UTF-8, bad bytes replaced) only when it is kept. Between triggers, where only the line count and the
     * last lines before the next trigger (or the block's end) matter, whole runs of lines are skipped (see Skipper).
     */
    public LogText read(InputStream in) throws IOException {
        return read(in, null);
    }

    /**
     * Reads a log file; one of {@value #PARALLEL_FROM} bytes or more is searched for the triggers by helper threads
     * on the other cores while this one counts lines and keeps what matters (see TriggerIndex).
     */
    public LogText read(Path file) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || Files.size(file) < PARALLEL_FROM) {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        }
        try (TriggerIndex index = new TriggerIndex(file, INDEX_CHUNK, Math.min(cores, 4));
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // a file system that cannot map files (some network and FUSE mounts) is read as a stream
            InputStream in = MappedInput.canMap(channel) ? new MappedInput(channel) : Channels.newInputStream(channel);
            return read(in, index);
        }
    }

    /** Below this, starting helper threads costs more than they save. */
    static final long PARALLEL_FROM = 16L << 20;
    private static final int INDEX_CHUNK = 4 << 20;

    /** {@code index}: where the triggers start in the stream's bytes (a file's), or null to search here. */
    LogText read(InputStream in, TriggerIndex index) throws IOException {
        Keeper k = new Keeper();
        Pass pass = new Pass(in, index, k);
        pass.probe();
        do {
            pass.scanBlock();
            pass.carryUnfinishedLine();
            pass.jumpPastQuietStretch();
        } while (pass.readNextBlock());
        pass.keepLastLine();
        return k.result();
    }

    /**
     * One read of a stream, a block at a time: where the current line starts in the block, whether the last line
     * ended in '\r', and which stream offset the block starts at.
     */
    private final class Pass {
        private final InputStream in;
        private final TriggerIndex index;
        private final Keeper k;
        private final Skipper skipper;
        private final byte[] buf = new byte[BUFFER];
        private int filled;
        private int lineStart;
        private boolean afterCr;
        /** The stream offset of buf[0], for the bytes from buf[indexedFrom] on. */
        private long base;
        private int indexedFrom;

        Pass(InputStream in, TriggerIndex index, Keeper k) {
            this.in = in;
            this.index = index;
            this.k = k;
            this.skipper = new Skipper(k.window.capacity(), index);
        }

        /** Reads the first bytes and refuses a binary file before any line is kept. */
        void probe() throws IOException {
            filled = in.readNBytes(buf, 0, PROBE);
            rejectBinary(java.util.Arrays.copyOf(buf, filled));
        }

        /** One pass per byte: a line ends at \n or \r, and the pair of bytes ending here may start a trigger. */
        void scanBlock() {
            skipper.newBlock(base, indexedFrom);
            // locals, written back at the block's end: this loop runs once a byte, and fields would be reloaded
            byte[] b = buf;
            int end = filled;
            int from = lineStart;
            boolean cr = afterCr;
            int pair = 0;
            boolean hit = false;
            int i = skipQuietLines(from, cr);
            if (i > from) {
                from = i;
                cr = false;
            }
            for (; i < end; i++) {
                byte c = b[i];
                pair = (pair << 8 | (c & 0xff)) & 0xffff;
                if (!hit && Triggers.startsAt(pair) && i > from && Triggers.at(b, i - 1, end)) hit = true;
                if (c != '\n' && c != '\r') continue;
                if (c == '\n' && cr && i == from) { // the \n of "\r\n": the line already ended
                    from = i + 1;
                    cr = false;
                    continue;
                }
                k.line(b, from, Math.min(i - from, MAX_LINE), hit);
                hit = false;
                cr = c == '\r';
                from = i + 1;
                int to = skipQuietLines(from, cr);
                if (to > from) {
                    i = to - 1;
                    from = to;
                    cr = false;
                }
            }
            lineStart = from;
            afterCr = cr;
        }

        /**
         * Between triggers, where only the line count and the last lines before the next trigger (or the block's
         * end) matter, jumps over whole runs of lines from {@code from}; returns where the scan goes on.
         */
        private int skipQuietLines(int from, boolean cr) {
            if (!skipping || !k.idle()) return from;
            int to = skipper.skip(buf, from, filled, cr);
            if (to <= from) return from;
            k.skip(skipper.skipped());
            return to;
        }

        /**
         * Keeps the unfinished line at the front (at most MAX_LINE of it: the rest would be cut anyway) to scan it
         * again with the next block, so a trigger cut by the block's end is still seen whole.
         */
        void carryUnfinishedLine() {
            int keep = Math.min(filled - lineStart, MAX_LINE);
            System.arraycopy(buf, lineStart, buf, 0, keep);
            // the next bytes come from stream offset base + filled, and land at buf[keep]
            indexedFrom = keep < filled - lineStart ? keep : Math.max(0, indexedFrom - lineStart);
            base += filled - keep;
            filled = keep;
            lineStart = 0;
        }

        /** Far from the next trigger, whole megabytes are jumped over unread: the helpers counted their lines. */
        void jumpPastQuietStretch() throws IOException {
            if (index == null || !skipping || !k.idle() || indexedFrom != 0) return;
            TriggerIndex.Jump jump = index.jump(base, k.window.capacity(), BUFFER);
            if (jump == null) return;
            k.skip((int) jump.lines());
            in.skipNBytes(jump.to() - base - filled);
            base = jump.to();
            filled = 0;
            afterCr = jump.afterCr();
        }

        /** Fills the block after the carried line; false at the stream's end. */
        boolean readNextBlock() throws IOException {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) return false;
            filled += n;
            // a block that ends inside the unfinished line: read on before scanning, so skipping sees whole lines
            while (filled < buf.length && (n = in.read(buf, filled, buf.length - filled)) > 0) filled += n;
            return true;
        }

        /** The stream's last line, when it has no line end. */
        void keepLastLine() {
            if (filled == 0) return;
            int len = Math.min(filled, MAX_LINE);
            k.line(buf, 0, len, Triggers.hit(buf, 0, len));
        }
    }

    /** The same reader without skipping: every line passes through the keeper (the reference the tests hold). */
    LogReader lineByLine() {
        LogReader r = new LogReader(headLines, before, after, tailLines, maxKept);
        r.skipping = false;
        return r;
    }

    private boolean skipping = true;

    private record Raw(int number, String text) {}

    /** What to keep: the head, every hit with the lines before and after it, and the tail. */
    private final class Keeper {
        /** Raw until the end: a busy log keeps and drops many lines, and only the survivors need cleaning. */
        private final List<Raw> kept = new ArrayList<>();
        final LineWindow window = new LineWindow(Math.max(before, tailLines));
        private int lineNo;
        private int keepAfter;
        private int lastKept;
        private boolean dropped;

        void line(byte[] a, int off, int len, boolean hit) {
            lineNo++;
            if (lineNo <= headLines) {
                kept.add(new Raw(lineNo, new String(a, off, len, StandardCharsets.UTF_8)));
                lastKept = lineNo;
                return;
            }
            if (hit) {
                int keepFrom = Math.max(0, window.size() - before);
                for (int i = keepFrom; i < window.size(); i++) {
                    if (i == keepFrom && window.number(i) > lastKept + 1 && !kept.isEmpty()) dropped = true;
                    kept.add(new Raw(window.number(i), window.text(i)));
                }
                window.clear();
                keepAfter = after;
            }
            if (hit || keepAfter > 0) {
                if (!hit && lineNo > lastKept + 1) dropped = true;
                kept.add(new Raw(lineNo, new String(a, off, len, StandardCharsets.UTF_8)));
                lastKept = lineNo;
                if (!hit) keepAfter--;
                if (kept.size() > maxKept) { // keep the newest: the failure is near the end
                    kept.subList(headLines, headLines + maxKept / 4).clear();
                    dropped = true;
                }
            } else if (window.add(lineNo, a, off, len)) {
                dropped = true;
            }
        }

        /** True when the next line matters only as the window's content: past the head, no hit's lines to keep. */
        boolean idle() { return lineNo >= headLines && keepAfter == 0; }

        /** {@code n} lines that only the window would have held, and that later lines push out of it anyway. */
        void skip(int n) {
            lineNo += n;
            if (n > 0) dropped = true;
        }

        LogText result() {
            int from = Math.max(0, window.size() - tailLines);
            if (from > 0) dropped = true;
            for (int i = from; i < window.size(); i++) kept.add(new Raw(window.number(i), window.text(i)));
            List<LogText.Line> lines = new ArrayList<>(kept.size());
            for (Raw r : kept) lines.add(LogText.clean(r.number(), r.text()));
            return new LogText(lines, dropped);
        }
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
            throw new NotText(TraceText.get(nul > 0 ? "log.binary.nul" : "log.binary.control", probe.length));
        }
    }
}
