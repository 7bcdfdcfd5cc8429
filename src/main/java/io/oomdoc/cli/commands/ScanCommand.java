package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Json;
import io.oomdoc.cli.ScanView;
import io.oomdoc.cli.UserError;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rules;
import io.oomdoc.evidence.code.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true)
public final class ScanCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "scan.dir", arity = "0..1", paramLabel = "DIR") String dir;
    @Option(names = "--json") boolean json;
    @Option(names = "--all") boolean all;

    public ScanCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        ScanResult r = scan(ctx, dir, all);
        if (json) ctx.out.println(Json.write(r));
        else ctx.out.print(ScanView.text(r, ctx.style));
        ctx.out.flush();
        return 0;
    }

    public static ScanResult scan(AppContext ctx, String dir) { return scan(ctx, dir, false); }

    public static ScanResult scan(AppContext ctx, String dir, boolean all) {
        Path root = dir == null ? ctx.workDir : ctx.workDir.resolve(dir);
        if (!Files.exists(root)) throw new UserError(CliText.get("scan.no.folder", dir == null ? root : dir));
        if (!Files.isDirectory(root)) throw new UserError(CliText.get("scan.not.folder",
                dir == null ? root : dir));
        try {
            return new PythonScanner(all ? Rules.ALL : Rules.DEFAULT).scan(root);
        } catch (IOException e) {
            throw new UserError(CliText.get("scan.failed", root, e.getMessage()));
        }
    }
}
