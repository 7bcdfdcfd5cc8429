package io.oomdoc.evidence.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** A job's process tree, read down from its root, is the one the JDK finds by reading every process's parent. */
class ProcessTreeTest {
    @TempDir Path tmp;

    private static Set<Long> jdk(Process p) {
        Set<Long> s = new HashSet<>(Set.of(p.pid()));
        p.descendants().forEach(h -> s.add(h.pid()));
        return s;
    }

    /** A shell that starts a sleep and a second shell with two sleeps of its own: five processes, three levels. */
    private static Process nestedJob() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "sleep 30 & sh -c 'sleep 30 & sleep 30 & wait' & wait").start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdk(p).size() < 5 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        return p;
    }

    @Test
    void theTreeReadDownFromTheRootHasEveryLevel() throws Exception {
        Process p = nestedJob();
        try {
            assertEquals(5, jdk(p).size());
            assertEquals(jdk(p), new ProcessTree(Path.of("/proc")).of(p.toHandle()));
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    @Test
    void withoutChildrenFilesTheJdksWalkIsTheAnswer() throws Exception {
        Process p = nestedJob();
        try {
            assertEquals(jdk(p), new ProcessTree(tmp).of(p.toHandle()), "an empty folder has no children files");
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }
}
