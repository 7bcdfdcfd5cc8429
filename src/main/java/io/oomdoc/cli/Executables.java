package io.oomdoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a program the way a shell would, on the PATH of the environment oomdoc passes on (not the JVM's own): the
 * job and nvidia-smi are looked up where the user's shell would find them.
 */
public final class Executables {
    private Executables() {}

    public static Optional<Path> find(Map<String, String> env, Path workDir, String name) {
        if (name.contains("/")) {
            Path p = workDir.resolve(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir).resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
