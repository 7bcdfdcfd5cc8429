package io.oomdoc.evidence.watch;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a job's output as it streams for the two things the watcher needs at once: the step the job has reached
 * (to align memory samples with steps) and the first out-of-memory message (the failing moment, even when the job
 * catches it and goes on). Lines end at '\n' or '\r', so a progress bar's redraws count as lines.
 */
public final class LogCues {
    /** "step 12", "Step: 12", "iter 12", "iteration 12/500", "it 12", mmcv's "[1][1550/23454]", tqdm's "450/1000 [". */
    private static final Pattern STEP = Pattern.compile(
            "(?i)\\b(?:global[_ ]?)?(?:step|iter(?:ation)?|it)\\b\\s*[:=#]?\\s*\\[?(\\d{1,9})"
                    + "|\\]\\[(\\d{1,9})/\\d+\\]|\\|\\s*(\\d{1,9})/\\d+\\s*\\[");
    private static final Pattern OOM = Pattern.compile(
            "(?i)out of memory|OutOfMemoryError|RESOURCE_EXHAUSTED|CUDA_ERROR_OUT_OF_MEMORY|cudaErrorMemoryAllocation");
    private static final int MAX_LINE = 4096;

    private final byte[] line = new byte[MAX_LINE];
    private int len;
    private volatile Integer step;
    private volatile Integer oomStep;
    private volatile long oomAtMillis = -1;
    private volatile String oomLine;
    private volatile long firstStepAtMillis = -1;
    private final long startMillis;
    private final Runnable onCue;

    public LogCues(long startMillis) { this(startMillis, () -> { }); }

    /** @param onCue called when the first step or the first out-of-memory line is read (the watcher samples then) */
    public LogCues(long startMillis, Runnable onCue) {
        this.startMillis = startMillis;
        this.onCue = onCue;
    }

    public synchronized void feed(byte[] b, int off, int n) {
        for (int i = off; i < off + n; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') { endLine(); continue; }
            if (len < MAX_LINE) line[len++] = c;
        }
    }

    public synchronized void flush() { endLine(); }

    private void endLine() {
        if (len == 0) return;
        if (worthReading()) read(new String(line, 0, len, StandardCharsets.UTF_8));
        len = 0;
    }

    /** A byte test that rules out most lines before any regex: digits, plus a letter or bracket the patterns need. */
    private boolean worthReading() {
        boolean digit = false, cue = false;
        for (int i = 0; i < len; i++) {
            byte c = line[i];
            if (c >= '0' && c <= '9') digit = true;
            else if (c == 't' || c == 'T' || c == 'y' || c == 'Y' || c == 'O' || c == 'R' || c == '/') cue = true;
        }
        return cue && (digit || oomLine == null);
    }

    private void read(String text) {
        Matcher m = STEP.matcher(text);
        Integer found = null;
        while (m.find()) {
            String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            found = Integer.valueOf(g);
        }
        boolean cue = false;
        if (found != null) {
            step = found;
            if (firstStepAtMillis < 0) {
                firstStepAtMillis = System.currentTimeMillis() - startMillis;
                cue = true;
            }
        }
        if (oomLine == null && OOM.matcher(text).find()) {
            oomLine = text.strip();
            oomStep = step;
            oomAtMillis = System.currentTimeMillis() - startMillis;
            cue = true;
        }
        if (cue) onCue.run();
    }

    /** Milliseconds from the start to the first step line, or -1 before it. */
    public long firstStepAtMillis() { return firstStepAtMillis; }

    /** The last step number the output printed, or null before any. */
    public Integer step() { return step; }

    public boolean oomSeen() { return oomLine != null; }

    public String oomLine() { return oomLine; }

    public Integer oomStep() { return oomStep; }

    /** Milliseconds from the start to the first out-of-memory line, or -1. */
    public long oomAtMillis() { return oomAtMillis; }
}
