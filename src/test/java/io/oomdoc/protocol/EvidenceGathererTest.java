package io.oomdoc.protocol;

import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.gpu.NvidiaSmiText;
import io.oomdoc.evidence.snapshot.SnapshotReader;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The evidence every front door hands to the diagnoser. Fixtures: traces/ (public issue threads, see
 * traces/SOURCES.md), nvidia_smi/ (real nvidia-smi output, sources in its expected.json),
 * scan_patterns/volatile_eval_loop (written by us after facebookarchive/loop train.py, its labels.json),
 * snapshots/oom_fragmented.pickle (made by snapshots/make_fixtures.py).
 */
class EvidenceGathererTest {
    private static final Path RES = Path.of("src/test/resources");

    private static LogText log(String name) throws Exception {
        return LogText.of(Files.readString(RES.resolve(name)));
    }

    private static Report diagnose(Gathered g) { return g.diagnose(new Diagnoser()); }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void textWithoutAFailureATracebackOrAGpuTableIsNothingToDiagnose() {
        Gathered g = EvidenceGatherer.from(LogText.of("training finished, loss 0.12\nsaved checkpoint")).gather();
        assertTrue(g.nothingToDiagnose(diagnose(g)));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void anOutOfMemoryTraceIsSomethingToDiagnose() throws Exception {
        Gathered g = EvidenceGatherer.from(log("traces/visfly-backward-2x.txt")).gather();
        assertFalse(g.nothingToDiagnose(diagnose(g)));
    }

    @Test
    void aFailureNamedWithoutATracebackIsSomethingToDiagnose() throws Exception {
        LogText tf = log("traces/tf-models-shape-oom.txt");
        assertFalse(tf.text().contains("File \""), "the fixture has no Python traceback");
        Gathered g = EvidenceGatherer.from(tf).gather();
        assertFalse(g.nothingToDiagnose(diagnose(g)));
    }

    @Test
    void wordsWithoutALogOrAFailureAreNothingToDiagnose() {
        Gathered g = EvidenceGatherer.from(null).userText("thanks, that was all").gather();
        assertTrue(g.nothingToDiagnose(diagnose(g)));
    }

    @Test
    void theSnapshotAndTheTimelineReachTheDiagnosisAsGiven() throws Exception {
        var snap = new SnapshotReader().read(RES.resolve("snapshots/oom_fragmented.pickle"));
        Gathered g = EvidenceGatherer.from(log("traces/visfly-backward-2x.txt")).snapshot(snap).gather();
        assertSame(snap, g.snapshot());
        assertNull(g.timeline());
    }

    /** A report that names no failure, from a log that holds none. */
    private static Report unknown() {
        Report r = diagnose(EvidenceGatherer.from(LogText.of("training finished, loss 0.12")).gather());
        assertEquals("unknown", r.issueType());
        return r;
    }

    @Test
    void anNvidiaSmiTableIsWorthAReportEvenWhenNoFailureIsNamed() throws Exception {
        assertFalse(EvidenceGatherer.from(log("nvidia_smi/03_h200-590-load.txt")).gather()
                .nothingToDiagnose(unknown()));
    }

    @Test
    void aTracebackIsWorthAReportEvenWhenNoFailureIsNamed() throws Exception {
        String traceback = Files.readString(RES.resolve("traces/visfly-backward-2x.txt")).lines()
                .filter(l -> l.contains("File \"")).findFirst().orElseThrow();
        assertFalse(EvidenceGatherer.from(LogText.of(traceback)).gather().nothingToDiagnose(unknown()));
        assertFalse(EvidenceGatherer.from(LogText.of("Traceback (most recent call last)")).gather()
                .nothingToDiagnose(unknown()));
    }

    @Test
    void whatTheUserSaidWinsOverWhatTheCodeSays() throws Exception {
        ScanResult scan = new PythonScanner().scan(RES.resolve("scan_patterns/volatile_eval_loop"));
        assertEquals(64, scan.setup().batchSize(), "the fixture's --batch-size default");
        Facts said = Facts.builder().batch(8).build();
        Gathered g = EvidenceGatherer.from(null).sessionFacts(said).code(scan).gather();
        assertEquals(8, g.facts().batch());
        Gathered unsaid = EvidenceGatherer.from(null).code(scan).gather();
        assertEquals(64, unsaid.facts().batch());
        assertEquals(scan.filesScanned(), unsaid.code().filesScanned());
    }

    @Test
    void gpuStateIsReducedToTheCardTheReportReads() throws Exception {
        var state = NvidiaSmiText.parse(Files.readString(RES.resolve("nvidia_smi/03_h200-590-load.txt")), "file");
        Gathered g = EvidenceGatherer.from(log("traces/visfly-backward-2x.txt")).gpu(state).gather();
        assertEquals(state.gpus().get(0).memoryTotalBytes(), g.gpu().totalBytes());
        assertNull(EvidenceGatherer.from(log("traces/visfly-backward-2x.txt")).gather().gpu());
    }

    @Test
    void theProbesSnapshotIsFoundInTheRepository(@TempDir Path repo) throws Exception {
        assertTrue(EvidenceGatherer.probeSnapshot(repo).isEmpty());
        Path left = repo.resolve(EvidenceGatherer.PROBE_SNAPSHOT);
        Files.createDirectories(left.getParent());
        Files.copy(RES.resolve("snapshots/oom_fragmented.pickle"), left);
        assertEquals(left, EvidenceGatherer.probeSnapshot(repo).orElseThrow());
    }
}
