package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.EvidenceFiles;
import io.oomdoc.cli.GpuView;
import io.oomdoc.evidence.gpu.GpuProbe;
import io.oomdoc.evidence.gpu.GpuState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "gpu", mixinStandardHelpOptions = true)
public final class GpuCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Option(names = "--json") boolean json;
    @Option(names = "--from", paramLabel = "FILE")
    String from;
    @Option(names = "--context")
    boolean context;

    public GpuCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        GpuState s = from != null ? EvidenceFiles.gpuFromFile(ctx, from) : new GpuProbe().read(ctx.env, context);
        Output.print(ctx, json, s, () -> GpuView.text(s, ctx.style));
        return 0;
    }
}
