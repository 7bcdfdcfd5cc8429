package io.oomdoc.evidence.trace;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a log says about a failure: the memory messages found, the traceback, the phase it
 * points at, which ranks failed, and what could not be read.
 */
public record TraceAnalysis(
        List<TraceFinding> findings,
        List<Frame> frames,
        Phase phase,
        String phaseEvidence,
        String framework,
        Integer iteration,
        Set<Integer> failedRanks,
        Integer firstFailedRank,
        List<String> notes,
        List<String> unreadable,
        LogText log,
        OomNumbers stated) {

    public Optional<TraceFinding> primary() {
        return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0));
    }

    /**
     * The failing message's figures, completed by any allocator state pasted with it (memory_summary, memory_stats).
     */
    public OomNumbers numbers() {
        OomNumbers n = primary().map(TraceFinding::numbers).orElse(OomNumbers.NONE);
        for (TraceFinding f : findings) if (f != findings.get(0)
                && (f.parser().startsWith("memory-") || sameRequest(findings.get(0), f))) n = n.orElse(f.numbers());
        // A failure that states no size (cuBLAS could not create its handle) is often followed by the allocator's
        // own message in the same log (ONNX Runtime's arena refusing N bytes): its figures are the request.
        // Likewise a host allocator's bare "not enough memory" line before the one that states the request.
        boolean host = primary().map(f -> f.kind() == TraceFinding.FailureKind.HOST_RAM_OOM).orElse(false);
        if (n.triedBytes() == null) for (TraceFinding f : findings) {
            boolean sameFailure = f.kind() == TraceFinding.FailureKind.VRAM_OOM
                    || host && f.kind() == TraceFinding.FailureKind.HOST_RAM_OOM;
            if (sameFailure && f.numbers().triedBytes() != null) {
                n = n.orElse(f.numbers());
                break;
            }
        }
        return stated == null ? n : n.orElse(stated);
    }

    /**
     * The same message printed twice, as a title and again in full ("Tried to allocate 400.00 GiB" and then the whole
     * sentence, Vchitect/LaVie#64, wxian3/NeuroLens#2): one failure, so the full copy completes the short one.
     */
    private static boolean sameRequest(TraceFinding first, TraceFinding other) {
        Long tried = first.numbers().triedBytes();
        return tried != null && other.parser().equals(first.parser()) && tried.equals(other.numbers().triedBytes());
    }

    /** The innermost frame in the user's own code: where to look first. */
    public Optional<Frame> userFrame() {
        for (int i = frames.size() - 1; i >= 0; i--) if (!frames.get(i).isLibrary()) return Optional.of(frames.get(i));
        return Optional.empty();
    }
}
