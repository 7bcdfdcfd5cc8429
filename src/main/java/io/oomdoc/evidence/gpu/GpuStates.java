package io.oomdoc.evidence.gpu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small pure helpers that combine and annotate GpuState records. */
public final class GpuStates {
    private GpuStates() {}

    static GpuState withProcesses(GpuState s, List<GpuState.Process> procs, List<GpuState.Unknown> more) {
        List<GpuState.Gpu> gpus = new ArrayList<>();
        for (GpuState.Gpu g : s.gpus()) {
            List<GpuState.Process> mine = procs.stream().filter(p -> p.gpuIndex() == g.index()).toList();
            gpus.add(new GpuState.Gpu(g.index(), g.name(), g.uuid(), g.busId(), g.memoryTotalBytes(),
                    g.memoryUsedBytes(),
                    g.memoryFreeBytes(), g.memoryReservedBytes(), g.utilizationPercent(), g.migMode(),
                            g.computeCapability(),
                    g.migDevices(), mine));
        }
        List<GpuState.Unknown> unknown = new ArrayList<>(s.unknown());
        unknown.addAll(more);
        return new GpuState(s.source(), s.driverVersion(), s.cudaVersion(), gpus, List.copyOf(procs), s.host(),
                unknown);
    }

    /**
     * Marks processes whose PID does not exist in this PID namespace: inside a container NVML reports
     * host PIDs, so such a process is real but belongs to the host or another container.
     */
    public static GpuState annotatePids(GpuState s, Path procRoot) {
        if (!Files.isDirectory(procRoot)) return s;
        List<GpuState.Process> procs = new ArrayList<>();
        for (GpuState.Process p : s.processes()) {
            boolean visible = Files.exists(procRoot.resolve(Long.toString(p.pid())));
            procs.add(visible ? p : new GpuState.Process(p.gpuIndex(), p.pid(), p.name(), p.usedBytes(),
                    GpuText.get("pid.not.visible")));
        }
        return withProcesses(s, procs, List.of());
    }

    /** Notes how CUDA_VISIBLE_DEVICES renumbers the GPUs a job sees. */
    public static GpuState annotateVisibleDevices(GpuState s, Map<String, String> env) {
        String v = env.get("CUDA_VISIBLE_DEVICES");
        if (v == null) return s;
        List<GpuState.Unknown> unknown = new ArrayList<>(s.unknown());
        unknown.add(new GpuState.Unknown("device numbering", GpuText.get("visible.devices", v,
                v.isBlank() ? GpuText.get("visible.none") : v.split(",")[0].strip())));
        return new GpuState(s.source(), s.driverVersion(), s.cudaVersion(), s.gpus(), s.processes(), s.host(), unknown);
    }

    public static GpuState withHost(GpuState s, GpuState.Host host, List<GpuState.Unknown> more) {
        List<GpuState.Unknown> unknown = new ArrayList<>(s.unknown());
        unknown.addAll(more);
        return new GpuState(s.source(), s.driverVersion(), s.cudaVersion(), s.gpus(), s.processes(), host, unknown);
    }
}
