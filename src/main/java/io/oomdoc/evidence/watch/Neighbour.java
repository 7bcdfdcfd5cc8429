package io.oomdoc.evidence.watch;

/** A process outside the job's tree holding memory on the job's card. */
public record Neighbour(long pid, String name, int gpuIndex, long usedBytes, long firstSeenMillis,
                        Integer firstSeenStep, boolean presentAtStart) {}
