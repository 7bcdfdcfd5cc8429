package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import io.oomdoc.cli.UserError;
import io.oomdoc.util.Resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * `--snapshot`: a sitecustomize.py in a fresh temporary folder (never in the user's repo) put first on the job's
 * PYTHONPATH. When the job imports torch it starts PyTorch's allocator history with a bounded number of entries and
 * dumps a snapshot on the first out-of-memory; any sitecustomize the environment already had still runs.
 */
final class SnapshotHook {
    /** Each entry costs a few hundred bytes of host RAM with its stack; 100k is PyTorch's own documented example. */
    static final int MAX_ENTRIES = 100_000;
    private final Path dir;

    private SnapshotHook(Path dir) { this.dir = dir; }

    static SnapshotHook install() {
        try {
            Path dir = Files.createTempDirectory("oomdoc-run-");
            Files.writeString(dir.resolve("sitecustomize.py"), Resources.text("watch/sitecustomize.py"));
            return new SnapshotHook(dir);
        } catch (IOException e) {
            throw new UserError(CliText.get("run.hook.unwritable", e.getMessage()));
        }
    }

    Path snapshotFile() { return dir.resolve("snapshot.pickle"); }

    void configure(Map<String, String> env) {
        String old = env.get("PYTHONPATH");
        env.put("PYTHONPATH", dir + (old == null || old.isEmpty() ? "" : ":" + old));
        env.put("OOMDOC_SNAPSHOT_FILE", snapshotFile().toString());
        env.put("OOMDOC_SNAPSHOT_MAX_ENTRIES", Integer.toString(MAX_ENTRIES));
    }

    void delete() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
