package io.oomdoc.evidence.watch;

/**
 * One reading while the job ran: milliseconds since it started, the step its log had printed, its own GPU memory
 * (the processes of its tree, as nvidia-smi lists them), the card's use and size, what other processes held on the
 * same card, and host memory. Unreadable values are null.
 */
public record Sample(long atMillis, Integer step, Long jobGpuBytes, Long cardUsedBytes, Long cardTotalBytes,
                     Long othersGpuBytes, Long hostRssBytes, Long cgroupUsageBytes, Long oomKills) {

    /** The job's GPU memory when nvidia-smi attributed it, else the card's use (a container hides host PIDs). */
    public Long gpuLevel() { return jobGpuBytes != null ? jobGpuBytes : cardUsedBytes; }
}
