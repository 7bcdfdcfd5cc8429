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
        Path v2 = cgroupDir();
        Long usage = number(v2.resolve("memory.current"));
        Long kills = count(v2.resolve("memory.events"));
        if (usage == null) {
            Path v1 = v1Dir();
            usage = number(v1.resolve("memory.usage_in_bytes"));
            kills = count(v1.resolve("memory.oom_control"));
        }
        return new Reading(any ? rss : null, usage, kills);
    }

    /**
     * The cgroup v2 folder of this process (the job starts in it): /sys/fs/cgroup plus the path in /proc/self/cgroup.
     * Inside a container that path is "/" and the folder is the container's own.
     */
    private Path cgroupDir() {
        Path base = root.resolve("sys/fs/cgroup");
        try {
            for (String line : Files.readAllLines(root.resolve("proc/self/cgroup"))) {
                if (!line.startsWith("0::")) continue;
                Path own = base.resolve(line.substring(3).replaceFirst("^/", ""));
                if (Files.exists(own.resolve("memory.current"))) return own;
            }
        } catch (IOException | RuntimeException e) {
            // no cgroup v2 path readable: the root folder below is the best guess
        }
        return base;
    }

    /** The cgroup v1 memory folder of this process: /sys/fs/cgroup/memory plus the "memory:" path, if it is there. */
    private Path v1Dir() {
        Path base = root.resolve("sys/fs/cgroup/memory");
        try {
            for (String line : Files.readAllLines(root.resolve("proc/self/cgroup"))) {
                int at = line.indexOf(":memory:");
                if (at < 0) continue;
                Path own = base.resolve(line.substring(at + 8).replaceFirst("^/", ""));
                if (Files.exists(own.resolve("memory.usage_in_bytes"))) return own;
            }
        } catch (IOException | RuntimeException e) {
            // not readable: the hierarchy's root below
        }
        return base;
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
