package io.oomdoc.protocol;

import io.oomdoc.evidence.gpu.NvidiaSmiText;
import io.oomdoc.evidence.snapshot.SnapshotReport;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.watch.MemoryTimeline;

/**
 * What one diagnosis rests on, as EvidenceGatherer reduced it: the log (may be null), the user's words, the facts
 * (code facts under the session's), GPU state, code findings, a memory snapshot and the timeline of `oomdoc run`.
 */
public record Gathered(LogText log, String userText, Facts facts, Evidence.GpuSnapshot gpu,
                       Evidence.CodeFindings code, SnapshotReport snapshot, MemoryTimeline timeline) {

    public Report diagnose(Diagnoser diagnoser) {
        return diagnoser.diagnose(log, userText, facts, gpu, code, snapshot, timeline);
    }

    /**
     * Whether the input shows nothing to diagnose: no failure was recognised, and the log holds neither a Python
     * traceback nor an nvidia-smi table (either is worth a report that asks for what is missing).
     */
    public boolean nothingToDiagnose(Report report) {
        if (!report.issueType().equals("unknown")) return false;
        String text = log == null ? "" : log.text();
        boolean traceback = text.contains("File \"") || text.contains("Traceback (most recent call last)");
        return !traceback && !NvidiaSmiText.looksLikeNvidiaSmi(text);
    }
}
