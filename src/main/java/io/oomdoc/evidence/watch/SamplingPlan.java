package io.oomdoc.evidence.watch;

/**
 * When the watcher samples. A job's memory takes its shape in its first steps: the optimizer's state arrives at step
 * 2, a leak shows over a handful of steps, and a short job (or a test run of a few steps) may be over in seconds. So
 * the watcher samples every {@link #DENSE_MS} during the job's first {@link #WINDOW_MS} and again during the first
 * {@link #WINDOW_MS} after its log printed its first step (a model may take minutes to load before training starts),
 * and at the user's interval otherwise. The two windows cost at most 200 extra samples per run, however long it is.
 * Samples are not timed to the log's step lines: the GPU readings come from nvidia-smi's own loop, whose clock they
 * keep whenever the watcher reads them, so a sample moved to a step line would not read the card any closer to it.
 */
public record SamplingPlan(long intervalMs) {
    static final long DENSE_MS = 100;
    static final long WINDOW_MS = 10_000;

    /**
     * Milliseconds between samples at this moment of the run.
     *
     * @param elapsedMs     since the job started
     * @param firstStepAtMs when its log printed its first step, or a negative number before that
     */
    public long gapMs(long elapsedMs, long firstStepAtMs) {
        boolean start = elapsedMs < WINDOW_MS;
        boolean training = firstStepAtMs >= 0 && elapsedMs - firstStepAtMs < WINDOW_MS;
        return start || training ? Math.min(DENSE_MS, intervalMs) : intervalMs;
    }
}
