package io.oomdoc.evidence.watch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The processes of a job's tree, read down from its root through /proc/PID/task/TID/children. The JDK's
 * {@code ProcessHandle.descendants()} reads the parent of every process on the machine instead: about 5 ms of CPU a
 * sample with 121 processes here, most of what the watcher spent. Where the kernel has no children files
 * (CONFIG_PROC_CHILDREN off), the JDK's walk is the answer. The files are read while processes come and go, so a
 * process started in between may be missed; the next sample finds it.
 */
public final class ProcessTree {
    private final Path proc;

    public ProcessTree(Path proc) { this.proc = proc; }

    public Set<Long> of(ProcessHandle root) {
        Set<Long> tree = new HashSet<>();
        tree.add(root.pid());
        if (!Files.isReadable(children(root.pid(), root.pid()))) {
            root.descendants().forEach(h -> tree.add(h.pid()));
            return tree;
        }
        Deque<Long> todo = new ArrayDeque<>(tree);
        while (!todo.isEmpty()) {
            for (long child : childrenOf(todo.pop())) if (tree.add(child)) todo.add(child);
        }
        return tree;
    }

    private Path children(long pid, long tid) { return proc.resolve(pid + "/task/" + tid + "/children"); }

    /** A process's children are listed under the thread that started them: every thread's file is read. */
    private Set<Long> childrenOf(long pid) {
        Set<Long> out = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve(pid + "/task"))) {
            for (Path task : tasks) {
                String text = Files.readString(task.resolve("children")).strip();
                if (text.isEmpty()) continue;
                for (String p : text.split(" ")) out.add(Long.parseLong(p));
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended while it was read: its children, if any, are found through it no more
        }
        return out;
    }
}
