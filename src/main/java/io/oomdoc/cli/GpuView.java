package io.oomdoc.cli;

import io.oomdoc.evidence.gpu.GpuState;
import io.oomdoc.util.Bytes;

/** Text view of GPU and host state: a memory bar per GPU and per process, then the host lines and what is unknown. */
public final class GpuView {
    private GpuView() {}

    public static String text(GpuState s, Style st) {
        StringBuilder sb = new StringBuilder();
        sb.append("source: ").append(s.source());
        if (s.driverVersion() != null) sb.append(" · driver ").append(s.driverVersion());
        if (s.cudaVersion() != null) sb.append(" · CUDA ").append(s.cudaVersion());
        sb.append("\n\n");
        // A machine with no card readable says so first: a bare "source: none" read as if the probe had failed.
        if (s.gpus().isEmpty() && s.processes().isEmpty()) sb.append(CliText.get("gpu.none")).append('\n');
        for (GpuState.Gpu g : s.gpus()) gpu(sb, g, st);
        if (s.gpus().isEmpty() && !s.processes().isEmpty()) {
            // process rows without their cards (a --query-compute-apps CSV alone): one line each
            for (GpuState.Process p : s.processes()) sb.append(String.format("  gpu %d  pid %8d  %-28s %s%n",
                    p.gpuIndex(), p.pid(), p.name(), p.usedBytes() == null ? "N/A" : Bytes.human(p.usedBytes())));
        }
        if (s.host() != null) host(sb, s.host(), st);
        if (!s.unknown().isEmpty()) {
            sb.append('\n').append(st.bold("unknown")).append('\n');
            for (GpuState.Unknown u : s.unknown()) {
                sb.append("  ").append(u.what()).append(": ").append(u.why()).append('\n');
            }
        }
        return sb.toString();
    }

    /** One card: its heading, its memory bar, a bar per process, memory no process holds, its MIG devices. */
    private static void gpu(StringBuilder sb, GpuState.Gpu g, Style st) {
        sb.append(st.bold("GPU " + g.index() + "  " + (g.name() == null ? ""
                : g.name()))).append(g.busId() == null ? "" : "  " + g.busId())
                .append(g.computeCapability() == null ? "" : "  sm " + g.computeCapability())
                .append(g.migMode() == null ? "" : "  MIG " + g.migMode()).append('\n');
        if (g.memoryTotalBytes() != null) {
            long used = g.memoryUsedBytes() == null ? 0 : g.memoryUsedBytes();
            sb.append("  ").append(bar(used, g.memoryTotalBytes(), 40,
                    st)).append(' ').append(Bytes.human(used)).append(" / ")
                    .append(Bytes.human(g.memoryTotalBytes())).append(g.utilizationPercent() == null ? ""
                            : "  util " + g.utilizationPercent() + "%").append('\n');
            for (GpuState.Process p : g.processes()) {
                long b = p.usedBytes() == null ? 0 : p.usedBytes();
                sb.append("    ").append(bar(b, g.memoryTotalBytes(), 20,
                        st)).append(String.format(" %8d %-28s %s", p.pid(), p.name(), Bytes.human(b)))
                        .append(p.note() == null ? "" : st.dim("  (" + p.note() + ")")).append('\n');
            }
            Long un = g.unattributedBytes();
            if (un != null && un > Bytes.GIB) {
                sb.append("    ").append(st.yellow(CliText.get("gpu.unattributed", Bytes.human(un)))).append('\n');
            }
        }
        if (g.migDevices() != null) {
            for (GpuState.MigDevice m : g.migDevices()) {
                sb.append("    ").append(CliText.get("gpu.mig", m.gi(), m.ci(), m.migDevice(),
                        Bytes.human(m.memoryUsedBytes()), Bytes.human(m.memoryTotalBytes()))).append('\n');
            }
        }
    }

    /** The host's memory lines: RAM, swap, the cgroup's limit and kills, /dev/shm, CPUs, the kernel's OOM kills. */
    private static void host(StringBuilder sb, GpuState.Host h, Style st) {
        sb.append('\n').append(st.bold("host")).append('\n');
        if (h.memTotalBytes() != null) sb.append("  ").append(CliText.get("host.ram", Bytes.human(h.memTotalBytes()),
                Bytes.human(h.memAvailableBytes() == null ? 0 : h.memAvailableBytes()))).append('\n');
        if (h.swapTotalBytes() != null) {
            sb.append("  ").append(CliText.get("host.swap", Bytes.human(h.swapTotalBytes()))).append('\n');
        }
        if (h.cgroupLimitBytes() != null) {
            String usage = h.cgroupUsageBytes() == null ? "?" : Bytes.human(h.cgroupUsageBytes());
            sb.append("  ").append(CliText.get("host.cgroup", Bytes.human(h.cgroupLimitBytes()), usage)).append('\n');
        }
        if (h.oomKills() != null) sb.append("  ").append(CliText.get("host.cgroup.kills", h.oomKills())).append('\n');
        if (h.shmBytes() != null) sb.append("  ").append(CliText.get("host.shm", Bytes.human(h.shmBytes())))
                .append('\n');
        if (h.cpuCount() != null) sb.append("  ").append(CliText.get("host.cpus", h.cpuCount())).append('\n');
        if (h.recentKernelOomKills() != null) {
            if (h.recentKernelOomKills().isEmpty()) sb.append("  ").append(CliText.get("host.no.kernel.kills"))
                    .append('\n');
            else h.recentKernelOomKills().forEach(l -> sb.append("  ").append(st.red(l)).append('\n'));
        }
    }

    static String bar(long used, long total, int width, Style st) {
        int n = total <= 0 ? 0 : (int) Math.round(width * Math.min(1.0, used / (double) total));
        String fill = "█".repeat(n);
        return "[" + (used > 0.9 * total ? st.red(fill) : fill) + " ".repeat(width - n) + "]";
    }
}
