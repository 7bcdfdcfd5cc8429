package io.oomdoc.bench;

import io.oomdoc.evidence.watch.ProcessTree;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * CPU per sample of finding a job's process tree: the JDK's {@code descendants()} (reads every process's parent)
 * against {@link ProcessTree} (reads down from the root). The job is a shell with two sleeps and a Python process
 * with 31 threads (children files are per thread). Usage: bench/run.sh ProcessTreeBench [samples per round]
 */
public final class ProcessTreeBench {
    private ProcessTreeBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Process p = new ProcessBuilder("sh", "-c", "sleep 600 & sleep 600 & python3 -c 'import time, threading; "
                + "[threading.Thread(target=time.sleep, args=(600,)).start() for _ in range(30)]' & wait").start();
        Thread.sleep(1500);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ProcessTree tree = new ProcessTree(Path.of("/proc"));
        try {
            for (int round = 0; round < 3; round++) {
                Set<Long> jdk = null, read = null;
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    Set<Long> s = new HashSet<>(Set.of(p.pid()));
                    p.descendants().forEach(h -> s.add(h.pid()));
                    jdk = s;
                }
                long c1 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) read = tree.of(p.toHandle());
                long c2 = mx.getCurrentThreadCpuTime();
                System.out.printf("descendants() %.3f ms, ProcessTree %.3f ms CPU per sample; same %d pids: %s;"
                        + " processes on the machine: %d%n", (c1 - c0) / 1e6 / n, (c2 - c1) / 1e6 / n, read.size(),
                        jdk.equals(read), ProcessHandle.allProcesses().count());
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }
}
