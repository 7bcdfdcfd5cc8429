package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.EvidenceFiles;
import io.oomdoc.cli.Json;
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
        ctx.out.print(json ? Json.write(r) + "\n" : SnapshotView.text(r, ctx.style));
        ctx.out.flush();
        return 0;
    }
}
