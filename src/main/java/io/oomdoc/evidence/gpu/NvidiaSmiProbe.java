package io.oomdoc.evidence.gpu;

import java.util.ArrayList;
import java.util.List;

/** Asks the local nvidia-smi for per-GPU and per-process memory, as CSV with headers. */
public final class NvidiaSmiProbe {
    static final String GPU_FIELDS = "index,name,uuid,pci.bus_id,memory.total,memory.used,memory.free,memory.reserved,"
            + "utilization.gpu,temperature.gpu,driver_version,compute_mode,mig.mode.current,compute_cap";
    static final String APP_FIELDS = "gpu_bus_id,pid,process_name,used_memory";
    private final String binary;
    private final long timeoutMs;

    public NvidiaSmiProbe() { this("nvidia-smi", 5000); }

    public NvidiaSmiProbe(String binary, long timeoutMs) {
        this.binary = binary;
        this.timeoutMs = timeoutMs;
    }

    /** GPU state from nvidia-smi, or a state with no GPUs whose unknown list says why. */
    public GpuState read() {
        List<GpuState.Unknown> unknown = new ArrayList<>();
        try {
            Commands.Result g = Commands.run(List.of(binary, "--query-gpu=" + GPU_FIELDS, "--format=csv"), timeoutMs);
            if (g.exit() != 0) {
                String why = (g.err() + g.out()).strip();
                return none(GpuText.get("smi.failed", why.isEmpty() ? GpuText.get("smi.failed.exit", g.exit())
                        : why.lines().findFirst().orElse("")));
            }
            GpuState gpus = NvidiaSmiText.parse(g.out(), "nvidia-smi");
            List<GpuState.Process> procs = new ArrayList<>();
            try {
                Commands.Result a = Commands.run(List.of(binary, "--query-compute-apps=" + APP_FIELDS,
                        "--format=csv"), timeoutMs);
                if (a.exit() == 0 && a.out().lines().count() > 1) {
                    GpuState apps = NvidiaSmiText.parse(a.out(), "nvidia-smi");
                    for (GpuState.Process p : apps.processes()) procs.add(remapToIndex(p, apps, gpus, a.out()));
                }
            } catch (Commands.Failed | IllegalArgumentException e) {
                unknown.add(new GpuState.Unknown("processes", e.getMessage()));
            }
            return GpuStates.withProcesses(gpus, procs, unknown);
        } catch (Commands.Failed e) {
            return none(e.getMessage());
        } catch (IllegalArgumentException e) {
            return none(GpuText.get("smi.misread", e.getMessage()));
        }
    }

    /** The apps CSV numbers GPUs by order of bus id; map each to the index nvidia-smi gave that bus id. */
    private static GpuState.Process remapToIndex(GpuState.Process p, GpuState apps, GpuState gpus, String csv) {
        List<String> order = new ArrayList<>();
        for (String line : csv.lines().skip(1).toList()) {
            String bus = line.split(",")[0].strip();
            if (!order.contains(bus)) order.add(bus);
        }
        if (p.gpuIndex() < order.size()) {
            String bus = order.get(p.gpuIndex());
            for (GpuState.Gpu g : gpus.gpus()) if (bus.equalsIgnoreCase(g.busId())) {
                return new GpuState.Process(g.index(), p.pid(), p.name(), p.usedBytes(), p.note());
            }
        }
        return p;
    }

    static GpuState none(String why) {
        return new GpuState("none", null, null, List.of(), List.of(), null,
                List.of(new GpuState.Unknown("GPU memory", why)));
    }
}
