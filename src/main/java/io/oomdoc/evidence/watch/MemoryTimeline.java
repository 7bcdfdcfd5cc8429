package io.oomdoc.evidence.watch;

import java.util.List;

/**
 * What watching a job showed: the samples, how it ended, and the verdicts read from the memory's shape. The
 * reasoning core reads the verdicts as evidence; the views draw the samples.
 *
 * @param exitStatus  the job's status as a shell reports it (128 + N for signal N)
 * @param signal      the signal that ended it, or null
 * @param oomLine     the first out-of-memory line it printed, or null
 * @param failedAtMillis when it failed: the out-of-memory line, else its end
 * @param gpuNote     why GPU memory was not sampled (host-only), or null when it was
 */
public record MemoryTimeline(List<Sample> samples, List<Neighbour> neighbours, int exitStatus, Integer signal,
                             String oomLine, long failedAtMillis, Integer failedAtStep, String gpuNote,
                             Long growthPerStepBytes, List<Verdict> verdicts) {

    public enum Kind { GROWTH, SPIKE, STEP2_JUMP, NEIGHBOUR, HOST_KILL }

    /** A verdict with the sentence that states its evidence. */
    public record Verdict(Kind kind, String evidence) {}

    public boolean has(Kind k) { return verdicts.stream().anyMatch(v -> v.kind() == k); }

    public boolean failed() { return exitStatus != 0 || oomLine != null; }
}
