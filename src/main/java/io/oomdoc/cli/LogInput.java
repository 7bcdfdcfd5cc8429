package io.oomdoc.cli;

import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a log from a path or standard input and turns every failure into a UserError. */
public final class LogInput {
    private LogInput() {}

    public static LogText read(String file, AppContext ctx) {
        try {
            if (file == null || file.equals("-")) {
                // A terminal on stdin means nothing was piped: say what is awaited instead of hanging silently.
                if (System.console() != null && ctx.in == System.in)
                    ctx.err.println(CliText.get("log.from.terminal"));
                return new LogReader().read(ctx.in);
            }
            Path p = UserFiles.regularFile(ctx, file, CliText.get("log.what"));
            return new LogReader().read(p);
        } catch (LogReader.NotText e) {
            throw new UserError(CliText.get("log.not.text", file == null ? CliText.get("log.input") : file,
                    e.getMessage()));
        } catch (NoSuchFileException e) {
            throw new UserError(CliText.get("file.missing", file));
        } catch (AccessDeniedException e) {
            throw new UserError(CliText.get("file.denied", file));
        } catch (IOException e) {
            throw new UserError(CliText.get("file.unreadable", file == null ? CliText.get("log.stdin") : file,
                    e.getMessage()));
        } catch (InternalError e) {
            // a mapped page of a big log that was truncated under the reader faults, and the JVM says so this way
            throw new UserError(CliText.get("file.unreadable", file, LogReader.CUT_SHORT));
        }
    }
}
