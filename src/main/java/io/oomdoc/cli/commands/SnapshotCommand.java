package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Json;
import io.oomdoc.cli.SnapshotView;
import io.oomdoc.cli.UserError;
import io.oomdoc.evidence.snapshot.SnapshotReader;
import io.oomdoc.evidence.snapshot.SnapshotReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "snapshot", mixinStandardHelpOptions = true)
public final class SnapshotCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "snapshot.file", index = "0", paramLabel = "FILE") String file;
    @Option(names = "--json") boolean json;

    public SnapshotCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        SnapshotReport r = read(ctx, file);
        ctx.out.print(json ? Json.write(r) + "\n" : SnapshotView.text(r, ctx.style));
        ctx.out.flush();
        return 0;
    }

    public static SnapshotReport read(AppContext ctx, String file) {
        Path p = io.oomdoc.cli.UserFiles.regularFile(ctx, file, CliText.get("snapshot.what"));
        try {
            return new SnapshotReader().read(p);
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }
}
