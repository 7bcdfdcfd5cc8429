package io.oomdoc.protocol;

import io.oomdoc.evidence.gpu.GpuProbe;
import io.oomdoc.evidence.gpu.GpuState;
import io.oomdoc.evidence.gpu.NvidiaSmiText;

import java.util.Optional;

/** Reduces GPU state (probed, saved, or pasted into a log) to what the ranking reads. */
public final class GpuEvidence {
    private GpuEvidence() {}

    public static Evidence.GpuSnapshot from(GpuState s, Integer gpuIndex) {
        if (s == null || s.gpus().isEmpty()) return null;
        GpuState.Gpu g = s.gpus().stream().filter(x -> gpuIndex == null
                || x.index() == gpuIndex).findFirst().orElse(s.gpus().get(0));
        if (g.memoryTotalBytes() == null) return null;
        long listed = g.processes().stream().mapToLong(p -> p.usedBytes() == null ? 0 : p.usedBytes()).sum();
        boolean mig = g.migMode() != null && g.migMode().equalsIgnoreCase("Enabled");
        return new Evidence.GpuSnapshot(s.source(), g.memoryTotalBytes(), g.memoryUsedBytes() == null ? 0
                : g.memoryUsedBytes(),
                listed, g.processes().size(), mig, GpuProbe.summary(s));
    }

    /** nvidia-smi output pasted into a log or a chat message, if any. */
    public static Optional<GpuState> pasted(String text) {
        if (text == null || !NvidiaSmiText.looksLikeNvidiaSmi(text)) return Optional.empty();
        try { // the table reader skips the lines around the table, so the whole text can be given
            return Optional.of(NvidiaSmiText.parse(text, "pasted nvidia-smi"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
