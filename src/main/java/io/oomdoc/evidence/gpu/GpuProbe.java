package io.oomdoc.evidence.gpu;

import io.oomdoc.util.Bytes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step one of the protocol on the machine that failed: nvidia-smi for memory and processes, JCuda for
 * device facts without a context, the host probe for RAM and cgroups. Each part degrades on its own.
 */
public final class GpuProbe {
    private final NvidiaSmiProbe smi;
    private final JCudaProbe jcuda;
    private final HostProbe host;

    public GpuProbe() { this(new NvidiaSmiProbe(), new JCudaProbe(), new HostProbe()); }

    public GpuProbe(NvidiaSmiProbe smi, JCudaProbe jcuda, HostProbe host) {
        this.smi = smi;
        this.jcuda = jcuda;
        this.host = host;
    }

    public GpuState read(Map<String, String> env, boolean withContext) {
        GpuState s = smi.read();
        JCudaProbe.Reading cuda = jcuda.read(withContext);
        List<GpuState.Unknown> more = new ArrayList<>(cuda.unknown());
        String source = s.gpus().isEmpty() ? (cuda.devices().isEmpty() ? "none" : "jcuda")
                : (cuda.devices().isEmpty() ? "nvidia-smi" : "jcuda+nvidia-smi");
        List<GpuState.Gpu> gpus = new ArrayList<>(s.gpus());
        if (gpus.isEmpty()) { // no nvidia-smi: JCuda still names the devices and their size
            for (JCudaProbe.Device d : cuda.devices()) {
                gpus.add(new GpuState.Gpu(d.ordinal(), d.name(), null, d.busId(), d.totalBytes(), null,
                        d.freeBytes(), null, null,
                        null, d.computeCapability(), null, List.of()));
            }
        } else {
            for (int i = 0; i < gpus.size(); i++) {
                GpuState.Gpu g = gpus.get(i);
                for (JCudaProbe.Device d : cuda.devices()) {
                    if (d.busId() != null && g.busId() != null
                            && g.busId().toLowerCase().endsWith(d.busId().toLowerCase().replaceFirst("^0000", ""))
                            && g.computeCapability() == null) {
                        gpus.set(i, new GpuState.Gpu(g.index(), g.name(), g.uuid(), g.busId(), g.memoryTotalBytes(),
                                g.memoryUsedBytes(),
                                g.memoryFreeBytes(), g.memoryReservedBytes(), g.utilizationPercent(), g.migMode(),
                                        d.computeCapability(),
                                g.migDevices(), g.processes()));
                    }
                }
            }
        }
        if (withContext) more.add(new GpuState.Unknown("note", GpuText.get("context.note")));
        GpuState merged = new GpuState(source, s.driverVersion() != null ? s.driverVersion() : cuda.driverVersion(),
                s.cudaVersion(),
                gpus, s.processes(), null, s.unknown());
        HostProbe.Reading h = host.read();
        more.addAll(h.unknown());
        merged = GpuStates.withHost(merged, h.host(), more);
        merged = GpuStates.annotatePids(merged, Path.of("/proc"));
        return GpuStates.annotateVisibleDevices(merged, env);
    }

    /** One line per GPU for reports: used / total, unattributed memory, process count. */
    public static String summary(GpuState s) {
        if (s.gpus().isEmpty()) {
            return GpuText.get("summary.none", s.unknown().isEmpty() ? GpuText.get("summary.none.why")
                    : s.unknown().get(0).why());
        }
        StringBuilder sb = new StringBuilder();
        for (GpuState.Gpu g : s.gpus()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append("GPU ").append(g.index()).append(' ').append(g.name() == null ? "" : g.name());
            if (g.memoryUsedBytes() != null && g.memoryTotalBytes() != null)
                sb.append(GpuText.get("summary.used", Bytes.human(g.memoryUsedBytes()),
                        Bytes.human(g.memoryTotalBytes())));
            sb.append(GpuText.get("summary.processes", g.processes().size()));
            Long un = g.unattributedBytes();
            if (un != null && un > Bytes.GIB) sb.append(GpuText.get("summary.unattributed", Bytes.human(un)));
            if (g.migMode() != null && g.migMode().equalsIgnoreCase("Enabled")) sb.append(GpuText.get("summary.mig"));
        }
        return sb.toString();
    }
}
