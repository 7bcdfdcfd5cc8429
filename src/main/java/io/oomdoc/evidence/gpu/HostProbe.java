package io.oomdoc.evidence.gpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host memory as the kernel reports it: /proc/meminfo, the cgroup (v2, else v1) limit, usage and OOM-kill
 * count, /dev/shm, CPU count, and recent kernel OOM kills from dmesg when it is readable. The file-system
 * root is a parameter so recorded real files can be read in tests.
 */
public final class HostProbe {
    private static final Pattern KILL = Pattern.compile("(?i)killed process|oom-kill|out of memory|memory cgroup out "
            + "of memory");
    private final Path root;
    private final boolean runDmesg;

    public HostProbe() { this(Path.of("/"), true); }

    public HostProbe(Path root, boolean runDmesg) {
        this.root = root;
        this.runDmesg = runDmesg;
    }

    public record Reading(GpuState.Host host, List<GpuState.Unknown> unknown) {}

    public Reading read() {
        List<GpuState.Unknown> unknown = new ArrayList<>();
        Long total = null, avail = null, swapTotal = null, swapFree = null;
        try {
            String meminfo = Files.readString(root.resolve("proc/meminfo"));
            total = kb(meminfo, "MemTotal");
            avail = kb(meminfo, "MemAvailable");
            swapTotal = kb(meminfo, "SwapTotal");
            swapFree = kb(meminfo, "SwapFree");
        } catch (IOException e) {
            unknown.add(new GpuState.Unknown("host RAM", GpuText.get("host.no.meminfo", e.getClass().getSimpleName())));
        }
        Cgroup cg = cgroup(unknown);
        Long shm = shm(unknown);
        List<String> recent = runDmesg ? recentKills(unknown) : null;
        return new Reading(new GpuState.Host(total, avail, swapTotal, swapFree, cg.limit(), cg.usage(), cg.kills(),
                shm, Runtime.getRuntime().availableProcessors(), recent), unknown);
    }

    /** The container's memory limit, use and OOM kills (cgroup v2, else v1); nulls for what it does not say. */
    private record Cgroup(Long limit, Long usage, Long kills) {}

    private Cgroup cgroup(List<GpuState.Unknown> unknown) {
        Path v2 = root.resolve("sys/fs/cgroup");
        Path v1 = root.resolve("sys/fs/cgroup/memory");
        if (Files.exists(v2.resolve("memory.max")) || Files.exists(v2.resolve("memory.current"))) {
            Long limit = number(v2.resolve("memory.max"));
            if (limit == null && readable(v2.resolve("memory.max"))) unknown.add(new GpuState.Unknown("cgroup limit",
                    GpuText.get("host.no.limit")));
            return new Cgroup(limit, number(v2.resolve("memory.current")),
                    eventCount(v2.resolve("memory.events"), "oom_kill"));
        } else if (Files.exists(v1.resolve("memory.limit_in_bytes"))) {
            Long limit = number(v1.resolve("memory.limit_in_bytes"));
            if (limit != null && limit >= (1L << 60)) limit = null; // v1 writes a huge number for "unlimited"
            return new Cgroup(limit, number(v1.resolve("memory.usage_in_bytes")),
                    eventCount(v1.resolve("memory.oom_control"), "oom_kill"));
        }
        unknown.add(new GpuState.Unknown("cgroup", GpuText.get("host.no.cgroup")));
        return new Cgroup(null, null, null);
    }

    /** The size of /dev/shm (DataLoader workers share tensors through it), or null. */
    private Long shm(List<GpuState.Unknown> unknown) {
        try {
            Path p = root.resolve("dev/shm");
            return Files.isDirectory(p) ? Files.getFileStore(p).getTotalSpace() : null;
        } catch (IOException e) {
            unknown.add(new GpuState.Unknown("/dev/shm", e.getMessage()));
            return null;
        }
    }

    /** The kernel's last ten OOM-kill lines from dmesg, or null when dmesg cannot be read. */
    private static List<String> recentKills(List<GpuState.Unknown> unknown) {
        List<String> recent = null;
        try {
            Commands.Result r = Commands.run(List.of("dmesg", "--ctime"), 5000);
            if (r.exit() == 0) recent = r.out().lines().filter(l -> KILL.matcher(l).find()).skip(0).toList();
            else unknown.add(new GpuState.Unknown("kernel OOM kills", GpuText.get("host.no.dmesg",
                    r.err().strip())));
        } catch (Commands.Failed e) {
            unknown.add(new GpuState.Unknown("kernel OOM kills", e.getMessage()));
        }
        if (recent != null && recent.size() > 10) recent = recent.subList(recent.size() - 10, recent.size());
        return recent;
    }

    private static boolean readable(Path p) { return Files.isReadable(p); }

    static Long kb(String meminfo, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(\\d+) kB").matcher(meminfo);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : null;
    }

    static Long number(Path p) {
        try {
            String t = Files.readString(p).strip();
            return t.matches("\\d+") ? Long.valueOf(t) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Long eventCount(Path p, String key) {
        try {
            Matcher m = Pattern.compile("(?m)^" + key + "\\s+(\\d+)").matcher(Files.readString(p));
            return m.find() ? Long.valueOf(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
