package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.Json;
import io.oomdoc.cli.LogInput;
import io.oomdoc.cli.ReportView;
import io.oomdoc.cli.UserError;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

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
        LogText log = LogInput.read(file, ctx);
        if (log.isBlank()) throw new UserError("the input is empty: pass a log file, or pipe the job's output "
                + "(python train.py 2>&1 | oomdoc diagnose -)");
        String gpuMode = gpu != null ? gpu : (file == null || file.equals("-")) && !ctx.interactive ? "auto" : "none";
        ExtraEvidence evidence = ExtraEvidence.gather(ctx, repo, gpuMode);
        String snapFile = snapshot;
        if (snapFile == null && repo != null
                && java.nio.file.Files.isRegularFile(
                        ctx.workDir.resolve(repo).resolve("oomdoc_probe_out/snapshot.pickle"))) {
            // left by `oomdoc probe --run`
            snapFile = ctx.workDir.resolve(repo).resolve("oomdoc_probe_out/snapshot.pickle").toString();
            ctx.err.println("oomdoc: using the probe's snapshot " + snapFile);
        }
        var snap = snapFile == null ? null : SnapshotCommand.read(ctx, snapFile);
        Report r = new Diagnoser().diagnose(log, null, evidence.codeFacts().merge(ctx.session.facts()),
                evidence.gpu(), evidence.code(), snap);
        boolean traceback = log.text().contains("File \"") || log.text().contains("Traceback (most recent call last)");
        boolean gpuTable = io.oomdoc.evidence.gpu.NvidiaSmiText.looksLikeNvidiaSmi(log.text());
        if (r.issueType().equals("unknown") && !traceback && !gpuTable) {
            throw new UserError("no out-of-memory message was found in " + (file == null || file.equals("-")
                    ? "the input" : file)
                    + "; pass the full log of the failed run, or describe the problem with `oomdoc ask`");
        }
        ctx.session.setLastReport(r);
        ctx.out.print(json ? Json.write(r) + "\n" : ReportView.text(r, ctx.style));
        ctx.out.flush();
        return 0;
    }

    /** Optional evidence beyond the log (GPU state, code scan); filled by later stages. */
    record ExtraEvidence(io.oomdoc.protocol.Evidence.GpuSnapshot gpu, io.oomdoc.protocol.Evidence.CodeFindings code,
            io.oomdoc.protocol.Facts codeFacts) {
        static ExtraEvidence gather(AppContext ctx, String repo, String gpu) {
            io.oomdoc.protocol.Evidence.GpuSnapshot g = switch (gpu == null ? "none" : gpu) {
                case "none" -> null;
                case "auto" -> io.oomdoc.protocol.GpuEvidence.from(
                        new io.oomdoc.evidence.gpu.GpuProbe().read(ctx.env, false), null);
                default -> io.oomdoc.protocol.GpuEvidence.from(GpuCommand.fromFile(ctx, gpu), null);
            };
            if (repo == null) return new ExtraEvidence(g, null, io.oomdoc.protocol.Facts.EMPTY);
            io.oomdoc.evidence.code.ScanResult scan = ScanCommand.scan(ctx, repo);
            return new ExtraEvidence(g, io.oomdoc.protocol.CodeEvidence.from(scan),
                    io.oomdoc.protocol.CodeEvidence.facts(scan));
        }
    }
}
