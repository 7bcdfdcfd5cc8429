package io.oomdoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a file the user named, with the same clear errors for every command. */
public final class UserFiles {
    private UserFiles() {}

    /** @param what what the file should be, for the error message ("the log file", "the snapshot pickle") */
    public static Path regularFile(AppContext ctx, String name, String what) {
        Path p = ctx.workDir.resolve(name);
        if (Files.isDirectory(p)) throw new UserError(CliText.get("file.directory", name, what));
        if (!Files.exists(p)) throw new UserError(CliText.get("file.missing", name));
        if (!Files.isRegularFile(p)) throw new UserError(CliText.get("file.not.regular", name, what));
        if (!Files.isReadable(p)) throw new UserError(CliText.get("file.denied", name));
        return p;
    }
}
