package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.CliText;
import io.oomdoc.cli.UserError;
import io.oomdoc.util.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Writes oomdoc_probe.py into the repo: the one file oomdoc ever writes there, and only when asked. */
@Command(name = "probe", mixinStandardHelpOptions = true)
public final class ProbeCommand implements Callable<Integer> {
    public static final String FILE = "oomdoc_probe.py";
    private final AppContext ctx;

    @Option(names = "--run") boolean run;
    @Option(names = "--entry", paramLabel = "SCRIPT") String entry;
    @Option(names = "--python", paramLabel = "PATH") String python;
    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS") int timeout;

    public ProbeCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        writeProbe();
        if (!run) {
            ctx.out.println(CliText.get("probe.next", FILE));
            ctx.out.println(CliText.get("probe.then"));
            ctx.out.flush();
            return 0;
        }
        String py = python != null ? python : ctx.env.getOrDefault("PYTHON", "python3");
        if (!torchImportable(py)) {
            throw new UserError(CliText.get("probe.no.torch", py));
        }
        return runProbe(py);
    }

    /** Writes the bundled probe script into the working folder and says where. */
    private void writeProbe() {
        Path target = ctx.workDir.resolve(FILE);
        try {
            Files.writeString(target, Resources.text("probe/oomdoc_probe.py"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(CliText.get("probe.cannot.write", target, e.getMessage()));
        }
        ctx.out.println(CliText.get("probe.wrote", target));
    }

    /** Runs the probe with {@code py}, prints its output and, when it left a snapshot, the snapshot's summary. */
    private int runProbe(String py) {
        List<String> cmd = new ArrayList<>(List.of(py, FILE));
        if (entry != null) { cmd.add("--entry"); cmd.add(entry); }
        try {
            Process p = new ProcessBuilder(cmd).directory(ctx.workDir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError(CliText.get("probe.timeout", timeout));
            }
            ctx.out.print(out);
            if (p.exitValue() == 0) showSnapshot();
            ctx.out.flush();
            return p.exitValue() == 0 ? 0 : 1;
        } catch (IOException e) {
            throw new UserError(CliText.get("probe.cannot.run", py, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(CliText.get("probe.interrupted"));
        }
    }

    private void showSnapshot() {
        Path snap = ctx.workDir.resolve("oomdoc_probe_out/snapshot.pickle");
        if (!Files.isRegularFile(snap)) return;
        ctx.out.println();
        ctx.out.print(io.oomdoc.cli.SnapshotView.text(
                io.oomdoc.cli.EvidenceFiles.snapshot(ctx, "oomdoc_probe_out/snapshot.pickle"), ctx.style));
        ctx.out.println(CliText.get("probe.diagnose"));
    }

    private static boolean torchImportable(String py) {
        try {
            Process p = new ProcessBuilder(py, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
