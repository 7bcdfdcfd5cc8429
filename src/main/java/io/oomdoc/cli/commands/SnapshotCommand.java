package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.EvidenceFiles;
import io.oomdoc.cli.SnapshotView;
import io.oomdoc.evidence.snapshot.SnapshotReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "snapshot", mixinStandardHelpOptions = true)
public final class SnapshotCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "snapshot.file", index = "0", paramLabel = "FILE") String file;
    @Option(names = "--json") boolean json;

    public SnapshotCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        SnapshotReport r = EvidenceFiles.snapshot(ctx, file);
        Output.print(ctx, json, r, () -> SnapshotView.text(r, ctx.style));
        return 0;
    }
}
