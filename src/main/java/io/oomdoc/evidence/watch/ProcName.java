package io.oomdoc.evidence.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's command name from /proc, or null when its PID is not visible here (another container, or gone). */
final class ProcName {
    private ProcName() {}

    static String of(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
