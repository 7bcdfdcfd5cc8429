package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.ReportView;
import io.oomdoc.cli.TimelineView;
import io.oomdoc.evidence.snapshot.SnapshotReader;
import io.oomdoc.evidence.snapshot.SnapshotReport;
import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.watch.JobWatch;
import io.oomdoc.evidence.watch.MemoryTimeline;
import io.oomdoc.evidence.watch.WatchText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.EvidenceGatherer;
import io.oomdoc.protocol.Report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** What `oomdoc run` says once the job has ended: nothing on success, the diagnosis with its timeline otherwise. */
final class RunReport {
    private static final Map<Integer, String> NAMES = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");
    /** Signals a person or a scheduler sends to stop a job: its end is not a failure to diagnose. */
    private static final List<Integer> STOPPED = List.of(1, 2, 15);

    private RunReport() {}

    static int print(AppContext ctx, JobWatch.Result r, boolean json, SnapshotHook hook) {
        MemoryTimeline t = r.timeline();
        boolean stopped = t.oomLine() == null && t.signal() != null && STOPPED.contains(t.signal());
        if (!t.failed() || stopped) {
            if (json) Output.json(ctx, RunResult.ended(t));
            else if (t.failed()) ctx.err.println(exitLine(t));
            else ctx.err.println(WatchText.get("run.ok"));
            ctx.err.flush();
            return t.exitStatus();
        }
        Report report = diagnose(ctx, r, hook);
        ctx.session.setLastReport(report);
        if (json) {
            Output.json(ctx, RunResult.of(report, t));
        } else {
            ctx.out.println(exitLine(t));
            ctx.out.println();
            ctx.out.print(TimelineView.text(t, ctx.style));
            ctx.out.println();
            ctx.out.print(ReportView.text(report, ctx.style));
            ctx.out.flush();
        }
        return t.exitStatus();
    }

    private static Report diagnose(AppContext ctx, JobWatch.Result r, SnapshotHook hook) {
        LogText log;
        try {
            log = new LogReader().read(new ByteArrayInputStream(r.output()));
        } catch (IOException e) { // binary output: the timeline and the exit status still speak
            log = LogText.of("");
        }
        SnapshotReport snap = null;
        if (hook != null && Files.isRegularFile(hook.snapshotFile())) {
            try {
                snap = new SnapshotReader().read(hook.snapshotFile());
            } catch (IOException | RuntimeException e) {
                ctx.err.println(CliText.get("run.snapshot.unreadable", e.getMessage()));
            }
        }
        return EvidenceGatherer.from(log).sessionFacts(ctx.session.facts()).snapshot(snap).timeline(r.timeline())
                .codeNamedIn(ctx.workDir).gather().diagnose(new Diagnoser());
    }

    static String exitLine(MemoryTimeline t) {
        String sig = t.signal() == null ? "" : WatchText.get("run.exit.signal", t.signal(),
                NAMES.getOrDefault(t.signal(), "SIG" + t.signal()));
        return WatchText.get("run.exit", t.exitStatus(), sig);
    }
}
