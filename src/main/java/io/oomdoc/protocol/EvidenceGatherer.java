package io.oomdoc.protocol;

import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.gpu.GpuState;
import io.oomdoc.evidence.snapshot.SnapshotReport;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.watch.MemoryTimeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place where the evidence of a diagnosis is put together, for every front door (`diagnose`, `/debug-oom`,
 * the conversation, `oomdoc run`, the LLM tools): each hands over what it read and gets the same reduction, so a
 * log diagnosed through any of them gives the same report. Reading files stays with the caller, which knows how to
 * word a failure for its user.
 */
public final class EvidenceGatherer {
    /** Where `oomdoc probe --run` leaves its snapshot, relative to the repository root. */
    static final String PROBE_SNAPSHOT = "oomdoc_probe_out/snapshot.pickle";

    private final LogText log;
    private String userText;
    /** Null is no facts: Facts.merge(null) keeps the code's. */
    private Facts sessionFacts;
    private GpuState gpu;
    private ScanResult scan;
    private SnapshotReport snapshot;
    private MemoryTimeline timeline;
    private Path repoRoot;

    private EvidenceGatherer(LogText log) { this.log = log; }

    /** Starts from a log; null or blank when the user only described the problem. */
    public static EvidenceGatherer from(LogText log) { return new EvidenceGatherer(log); }

    public EvidenceGatherer userText(String text) { this.userText = text; return this; }

    /** What the user said in the session; it takes precedence over what the code scan read. */
    public EvidenceGatherer sessionFacts(Facts facts) { this.sessionFacts = facts; return this; }

    public EvidenceGatherer gpu(GpuState state) { this.gpu = state; return this; }

    public EvidenceGatherer code(ScanResult result) { this.scan = result; return this; }

    public EvidenceGatherer snapshot(SnapshotReport report) { this.snapshot = report; return this; }

    public EvidenceGatherer timeline(MemoryTimeline t) { this.timeline = t; return this; }

    /**
     * Without a scan, the user's files that the traceback names and that lie inside this folder are scanned (read
     * only, nothing outside the folder): the code on the failing stack is the first place an expert looks.
     */
    public EvidenceGatherer codeNamedIn(Path repoRoot) { this.repoRoot = repoRoot; return this; }

    public Gathered gather() {
        ScanResult code = scan != null ? scan : TracebackFiles.scan(repoRoot, log);
        return new Gathered(log, userText, CodeEvidence.facts(code).merge(sessionFacts), GpuEvidence.from(gpu, null),
                CodeEvidence.from(code), snapshot, timeline);
    }

    /** The snapshot `oomdoc probe --run` left in the repository, if there is one. */
    public static Optional<Path> probeSnapshot(Path repoRoot) {
        Path p = repoRoot.resolve(PROBE_SNAPSHOT);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
