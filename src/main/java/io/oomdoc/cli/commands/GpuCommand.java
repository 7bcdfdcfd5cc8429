package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.CliText;
import io.oomdoc.cli.GpuView;
import io.oomdoc.cli.Json;
import io.oomdoc.cli.UserError;
import io.oomdoc.evidence.gpu.GpuProbe;
import io.oomdoc.evidence.gpu.GpuState;
import io.oomdoc.evidence.gpu.NvidiaSmiText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        GpuState s = from != null ? fromFile(ctx, from) : new GpuProbe().read(ctx.env, context);
        ctx.out.print(json ? Json.write(s) + "\n" : GpuView.text(s, ctx.style));
        ctx.out.flush();
        return 0;
    }

    /** Saved nvidia-smi output: the way to diagnose a cluster node's state from a login node. */
    public static GpuState fromFile(AppContext ctx, String file) {
        Path p = io.oomdoc.cli.UserFiles.regularFile(ctx, file, CliText.get("gpu.from.what"));
        try {
            if (Files.size(p) > 20_000_000) throw new UserError(CliText.get("gpu.from.too.large", file));
            String text = Files.readString(p);
            return NvidiaSmiText.parse(text, "file");
        } catch (IOException e) {
            throw new UserError(CliText.get("file.unreadable", file, e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }
}
