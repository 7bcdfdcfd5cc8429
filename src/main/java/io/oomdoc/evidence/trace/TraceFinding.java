package io.oomdoc.evidence.trace;

import java.util.List;

/** One out-of-memory (or memory-related) message recognised in a log, with what it states. */
public record TraceFinding(
        String parser,
        FailureKind kind,
        String framework,
        String message,
        int line,
        OomNumbers numbers,
        List<String> notes) {

    /** The parser name of a finding read from a sentence that only mentions running out of memory. */
    public static final String MENTION = "mention";

    public TraceFinding {
        notes = notes.isEmpty() ? List.of(kind.describe()) : List.copyOf(notes);
    }

    public enum FailureKind {
        /** The accelerator ran out of memory for an allocation. */
        VRAM_OOM,
        /** The kernel or a cgroup killed the process for host RAM, or shared memory ran out. */
        HOST_RAM_OOM,
        /** A library (cuBLAS, cuDNN, NCCL) could not get its workspace. */
        LIBRARY_WORKSPACE,
        /** The CUDA runtime failed before any tensor: context creation, first call, another process's hold. */
        CUDA_RUNTIME,
        /** An inference engine could not fit its KV cache. */
        KV_CACHE;

        public String describe() {
            return TraceText.get("kind." + name());
        }
    }
}
