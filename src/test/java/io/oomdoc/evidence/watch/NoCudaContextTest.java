package io.oomdoc.evidence.watch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The watcher must never create a CUDA context in the job's GPU (a few hundred MiB each): nothing on the
 * `oomdoc run` path may refer to JCuda or to the probe that uses it.
 */
class NoCudaContextTest {
    @Test
    void theRunPathDoesNotReferToJCuda() throws IOException {
        Path main = Path.of("src/main/java/io/oomdoc");
        List<Path> files;
        try (Stream<Path> s = Files.list(main.resolve("evidence/watch"))) {
            files = new java.util.ArrayList<>(s.toList());
        }
        for (String f : List.of("cli/commands/RunCommand.java", "cli/commands/RunReport.java",
                "cli/commands/SnapshotHook.java", "cli/TimelineView.java", "cli/SignalForwarding.java"))
            files.add(main.resolve(f));
        assertTrue(files.size() > 10);
        for (Path f : files) {
            String text = Files.readString(f);
            assertFalse(text.contains("jcuda") || text.contains("JCudaProbe") || text.contains("GpuProbe"),
                    f.toString());
        }
    }
}
