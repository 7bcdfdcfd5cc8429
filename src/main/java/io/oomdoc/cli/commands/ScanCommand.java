package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.EvidenceFiles;
import io.oomdoc.cli.ScanView;
import io.oomdoc.cli.Wrap;
import io.oomdoc.evidence.code.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true)
public final class ScanCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "scan.dir", arity = "0..1", paramLabel = "DIR") String dir;
    @Option(names = "--json") boolean json;
    @Option(names = "--all") boolean all;

    public ScanCommand(AppContext ctx) { this.ctx = ctx; }

    /** The command as `scan [--json] [--all] [DIR]` sets it, for the start-up path that skips the parser. */
    public ScanCommand(AppContext ctx, String dir, boolean json, boolean all) {
        this(ctx);
        this.dir = dir;
        this.json = json;
        this.all = all;
    }

    @Override
    public Integer call() {
        ScanResult r = EvidenceFiles.scan(ctx, dir, all);
        Output.print(ctx, json, r, () -> ScanView.text(r, ctx.style, Wrap.width(ctx.env)));
        return 0;
    }
}
