package io.oomdoc.cli;

import java.nio.file.Path;
import java.util.Map;

/** XDG locations for history, transcripts and configuration. */
public final class Paths {
    private Paths() {}

    public static Path stateDir(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local",
                "state");
        return base.resolve("oomdoc");
    }

    public static Path configDir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("oomdoc");
    }
}
