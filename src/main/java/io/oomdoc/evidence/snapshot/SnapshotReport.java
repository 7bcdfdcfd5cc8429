package io.oomdoc.evidence.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What a torch.cuda.memory snapshot shows: the peak, the state at the dump, fragmentation, who holds memory. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotReport(int devices, int segments, int blocks, long reservedBytes, long allocatedBytes,
        long activeBytes,
                             long largestFreeBlockBytes, long totalFreeBytes, double fragmentation,
                                     Long peakAllocatedBytes,
                             Integer peakEventIndex, Integer oomEventIndex, Long oomRequestedBytes, int traceEvents,
                             List<Holder> topHolders, List<Bucket> buckets, List<Long> timeline, List<String> notes) {

    /** Memory live at the dump grouped by the user's own stack frame. */
    public record Holder(String frame, long bytes, int blocks) {}

    /** Parameters, gradients, optimizer state, activations, temporaries, unknown. */
    public record Bucket(String name, long bytes) {}
}
