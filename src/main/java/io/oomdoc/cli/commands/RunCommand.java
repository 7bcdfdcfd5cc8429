package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Executables;
import io.oomdoc.cli.SignalForwarding;
import io.oomdoc.cli.UserError;
import io.oomdoc.cli.WriterSink;
import io.oomdoc.evidence.watch.HostSampler;
import io.oomdoc.evidence.watch.JobWatch;
import io.oomdoc.evidence.watch.WatchText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `oomdoc run -- CMD ARGS…`: runs the job, watches its memory, and diagnoses it when it ends badly. oomdoc exits
 * with the job's status, so it can wrap a job in a script, torchrun, SLURM or a container entry point.
 */
@Command(name = "run", mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
    private static final int NOT_FOUND = 127;
    private static final int CANNOT_RUN = 126;

    private final AppContext ctx;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s")
    String interval;

    @Option(names = "--gpu", paramLabel = "auto|none", defaultValue = "auto")
    String gpu;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--snapshot")
    boolean snapshot;

    @Parameters(arity = "0..*", paramLabel = "CMD", descriptionKey = "run.command")
    List<String> command = new ArrayList<>();

    public RunCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() throws Exception {
        if (command.isEmpty()) throw new UserError(WatchText.get("run.usage"), 2);
        if (!gpu.equals("auto") && !gpu.equals("none")) throw new UserError(CliText.get("run.gpu.value"), 2);
        long intervalMs = Durations.millis(interval);
        Path exe = Executables.find(ctx.env, ctx.workDir, command.get(0))
                .orElseThrow(() -> new UserError(WatchText.get("run.not.found", command.get(0)), NOT_FOUND));
        SnapshotHook hook = snapshot ? SnapshotHook.install() : null;
        ProcessBuilder job = job(exe, hook);
        JobWatch watch = new JobWatch(options(intervalMs));
        OutputStream err = new WriterSink(ctx.err);
        OutputStream out = json ? err : new WriterSink(ctx.out);
        JobWatch.Result r;
        try (SignalForwarding signals = new SignalForwarding(watch::process)) {
            r = watch.run(job, out, err);
            return RunReport.print(ctx, r, json, hook);
        } catch (IOException e) {
            throw new UserError(WatchText.get("run.cannot.start", command.get(0), e.getMessage()), CANNOT_RUN);
        } finally {
            if (hook != null) hook.delete();
        }
    }

    private ProcessBuilder job(Path exe, SnapshotHook hook) {
        List<String> argv = new ArrayList<>(command);
        argv.set(0, exe.toString());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(ctx.workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(ctx.env);
        // A Python job writing into a pipe buffers its stdout in 8 KB blocks: step lines would reach the watcher
        // late and samples would be aligned with the wrong steps. The user's own setting wins.
        env.putIfAbsent("PYTHONUNBUFFERED", "1");
        if (hook != null) hook.configure(env);
        return pb;
    }

    private JobWatch.Options options(long intervalMs) {
        Path smi = null;
        String note = null;
        if (gpu.equals("none")) note = WatchText.get("gpu.off");
        else {
            smi = Executables.find(ctx.env, ctx.workDir, "nvidia-smi").orElse(null);
            if (smi == null) note = WatchText.get("gpu.absent");
        }
        return new JobWatch.Options(intervalMs, smi, note, new HostSampler());
    }
}
