package io.oomdoc.evidence.trace;

import java.util.List;

/**
 * The figures an out-of-memory message states, in bytes. A field is null when the message
 * does not give it; derived values are marked as such by the parser that computed them.
 */
public record OomNumbers(
        Long triedBytes,
        Long totalBytes,
        Long freeBytes,
        Long allocatedBytes,
        Long reservedBytes,
        Long reservedUnallocatedBytes,
        Long processInUseBytes,
        Integer gpuIndex,
        List<ProcessUse> processes) {

    public record ProcessUse(long pid, long bytes, boolean thisProcess) {}

    public static final OomNumbers NONE = new OomNumbers(null, null, null, null, null, null, null, null, List.of());

    public boolean isEmpty() {
        return triedBytes == null && totalBytes == null && freeBytes == null && allocatedBytes == null
                && reservedBytes == null && reservedUnallocatedBytes == null && processInUseBytes == null;
    }

    /** Memory on the card that this PyTorch process does not hold: other processes, contexts, zombies. */
    public Long heldOutsideAllocator() {
        if (totalBytes == null || freeBytes == null || reservedBytes == null) return null;
        return totalBytes - freeBytes - reservedBytes;
    }

    /**
     * Live tensors fill most of the card and the idle cache is small beside them (under a third of the live
     * figure): however scattered that cache is, freeing it would not make the job fit, so a large reserved-but-
     * unallocated figure is not the cause (h200/generate_kv.log: 110.74 GiB live, 28.33 GiB idle, KV cache).
     * In the development corpus every report labelled fragmentation whose idle cache is a tenth of the card or more
     * has it at 0.4 of the live figure or above.
     */
    public boolean liveDominatesCache() {
        if (totalBytes == null || allocatedBytes == null || reservedUnallocatedBytes == null) return false;
        return allocatedBytes >= LIVE_SHARE_OF_CARD * totalBytes
                && reservedUnallocatedBytes < IDLE_SHARE_OF_LIVE * allocatedBytes;
    }

    private static final double LIVE_SHARE_OF_CARD = 0.7;
    private static final double IDLE_SHARE_OF_LIVE = 0.35;

    /** Fills this record's gaps from another one (used when a log states the numbers in two places). */
    public OomNumbers orElse(OomNumbers other) {
        if (other == null) return this;
        return new OomNumbers(
                triedBytes != null ? triedBytes : other.triedBytes,
                totalBytes != null ? totalBytes : other.totalBytes,
                freeBytes != null ? freeBytes : other.freeBytes,
                allocatedBytes != null ? allocatedBytes : other.allocatedBytes,
                reservedBytes != null ? reservedBytes : other.reservedBytes,
                reservedUnallocatedBytes != null ? reservedUnallocatedBytes : other.reservedUnallocatedBytes,
                processInUseBytes != null ? processInUseBytes : other.processInUseBytes,
                gpuIndex != null ? gpuIndex : other.gpuIndex,
                processes.isEmpty() ? other.processes : processes);
    }

    /** Mutable collector used by parsers while reading one message. */
    public static final class Builder {
        public Long tried, total, free, allocated, reserved, reservedUnallocated, processInUse;
        public Integer gpu;
        public final java.util.ArrayList<ProcessUse> processes = new java.util.ArrayList<>();

        public OomNumbers build() {
            Long res = reserved, unalloc = reservedUnallocated;
            // PyTorch states only two of the three; reserved = allocated + reserved-but-unallocated.
            if (res == null && allocated != null && unalloc != null) res = allocated + unalloc;
            if (unalloc == null && allocated != null && res != null && res >= allocated) unalloc = res - allocated;
            Long inUse = processInUse;
            if (inUse == null) {
                inUse = processes.stream().filter(ProcessUse::thisProcess).map(ProcessUse::bytes).findFirst()
                        .orElse(processes.size() == 1 ? processes.get(0).bytes() : null);
            }
            return new OomNumbers(tried, total, free, allocated, res, unalloc, inUse, gpu, List.copyOf(processes));
        }
    }
}
