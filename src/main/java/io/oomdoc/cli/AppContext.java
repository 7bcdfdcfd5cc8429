package io.oomdoc.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** What every command needs from its surroundings; built once per process or per REPL. */
public final class AppContext {
    public final PrintWriter out;
    public final PrintWriter err;
    public final InputStream in;
    public final Map<String, String> env;
    public final Path workDir;
    public final Style style;
    public final Session session;
    public final boolean interactive;

    public AppContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path workDir,
                      Style style, Session session, boolean interactive) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.workDir = workDir;
        this.style = style;
        this.session = session;
        this.interactive = interactive;
    }
}
