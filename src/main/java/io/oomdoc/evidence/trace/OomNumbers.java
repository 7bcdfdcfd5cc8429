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
