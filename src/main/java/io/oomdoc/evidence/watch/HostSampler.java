package io.oomdoc.evidence.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host memory of a running job: the resident set of its process tree (from /proc/PID/statm) and its cgroup's usage
 * and OOM-kill count (v2 memory.current and memory.events, else v1). The root is a parameter so tests read recorded
 * files; whatever is not readable stays null.
 */
public final class HostSampler {
    private static final Pattern OOM_KILL = Pattern.compile("(?m)^oom_kill\\s+(\\d+)");
    private final Path root;
    private final long pageBytes;

    public record Reading(Long treeRssBytes, Long cgroupUsageBytes, Long oomKills) {}

    public HostSampler() { this(Path.of("/"), 4096); }

    public HostSampler(Path root, long pageBytes) {
        this.root = root;
        this.pageBytes = pageBytes;
    }

    public Reading read(Set<Long> pids) {
        long rss = 0;
        boolean any = false;
        for (long pid : pids) {
            Long r = rss(pid);
            if (r != null) { rss += r; any = true; }
        }
        Path v2 = root.resolve("sys/fs/cgroup");
        Long usage = number(v2.resolve("memory.current"));
        Long kills = count(v2.resolve("memory.events"));
        if (usage == null) {
            Path v1 = root.resolve("sys/fs/cgroup/memory");
            usage = number(v1.resolve("memory.usage_in_bytes"));
            kills = count(v1.resolve("memory.oom_control"));
        }
        return new Reading(any ? rss : null, usage, kills);
    }

    /** Resident pages are the second field of statm; a process that ended between listing and reading is skipped. */
    private Long rss(long pid) {
        try {
            String s = Files.readString(root.resolve("proc/" + pid + "/statm"));
            String[] f = s.trim().split(" ");
            return f.length > 1 ? Long.parseLong(f[1]) * pageBytes : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static Long number(Path p) {
        try {
            String t = Files.readString(p).strip();
            return t.matches("\\d+") ? Long.valueOf(t) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Long count(Path p) {
        try {
            Matcher m = OOM_KILL.matcher(Files.readString(p));
            return m.find() ? Long.valueOf(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
