package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.EvidenceFiles;
import io.oomdoc.cli.LogInput;
import io.oomdoc.cli.ReportView;
import io.oomdoc.cli.UserError;
import io.oomdoc.evidence.gpu.GpuProbe;
import io.oomdoc.evidence.gpu.GpuState;
import io.oomdoc.evidence.snapshot.SnapshotReport;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.EvidenceGatherer;
import io.oomdoc.protocol.Gathered;
import io.oomdoc.protocol.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

@Command(name = "diagnose", mixinStandardHelpOptions = true)
public final class DiagnoseCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "diagnose.input", index = "0", arity = "0..1", paramLabel = "FILE|-")
    String file;

    @Option(names = "--repo", paramLabel = "DIR")
    String repo;

    @Option(names = "--gpu", paramLabel = "auto|none|FILE")
    String gpu;

    @Option(names = "--snapshot", paramLabel = "FILE")
    String snapshot;

    @Option(names = "--json")
    boolean json;

    public DiagnoseCommand(AppContext ctx) { this.ctx = ctx; }

    /** The command as `diagnose [--json] FILE` sets it, for the start-up path that skips the parser. */
    public DiagnoseCommand(AppContext ctx, String file, boolean json) {
        this(ctx);
        this.file = file;
        this.json = json;
    }

    @Override
    public Integer call() {
        // The knowledge base and the weights load on another thread while the log is read: on a long log the two
        // are the largest costs before the diagnosis, and they do not depend on each other.
        FutureTask<Diagnoser> diagnoser = new FutureTask<>(Diagnoser::new);
        Thread loader = new Thread(diagnoser, "oomdoc-diagnoser");
        loader.setDaemon(true);
        loader.start();
        LogText log = LogInput.read(file, ctx);
        if (log.isBlank()) throw new UserError(CliText.get("diagnose.empty"));
        String gpuMode = gpu != null ? gpu : (file == null || file.equals("-")) && !ctx.interactive ? "auto" : "none";
        Gathered evidence = EvidenceGatherer.from(log).sessionFacts(ctx.session.facts()).gpu(gpuState(gpuMode))
                .code(repo == null ? null : EvidenceFiles.scan(ctx, repo, false)).codeNamedIn(ctx.workDir)
                .snapshot(snapshot())
                .gather();
        Report r = evidence.diagnose(ready(diagnoser));
        if (evidence.nothingToDiagnose(r)) {
            throw new UserError(CliText.get("diagnose.no.oom", file == null || file.equals("-")
                    ? CliText.get("diagnose.the.input") : file));
        }
        ctx.session.setLastReport(r);
        Output.print(ctx, json, r, () -> ReportView.text(r, ctx.style));
        return 0;
    }

    private static Diagnoser ready(FutureTask<Diagnoser> diagnoser) {
        try {
            return diagnoser.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the knowledge base loaded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** GPU state: probed on this machine (auto), none, or nvidia-smi output saved in a file. */
    private GpuState gpuState(String mode) {
        return switch (mode) {
            case "none" -> null;
            case "auto" -> new GpuProbe().read(ctx.env, false);
            default -> EvidenceFiles.gpuFromFile(ctx, mode);
        };
    }

    /** The snapshot named by --snapshot, else the one `oomdoc probe --run` left in the repository. */
    private SnapshotReport snapshot() {
        String snapFile = snapshot;
        if (snapFile == null && repo != null) {
            var probed = EvidenceGatherer.probeSnapshot(ctx.workDir.resolve(repo));
            if (probed.isPresent()) {
                snapFile = probed.get().toString();
                ctx.err.println(CliText.get("diagnose.probe.snapshot", snapFile));
            }
        }
        return snapFile == null ? null : EvidenceFiles.snapshot(ctx, snapFile);
    }
}
