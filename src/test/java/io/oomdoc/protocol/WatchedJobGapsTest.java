package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.watch.MemoryTimeline;
import io.oomdoc.evidence.watch.Sample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job that died under `oomdoc run`: the real eval leak recorded on an H200 (h200/leak_eval.log, bench/gpu/run2.sh).
 * When run sampled the card through nvidia-smi, the report must not ask the user for the GPU state it already has.
 */
class WatchedJobGapsTest {
    private static final long GIB = 1L << 30;

    // replay: the whole log's diagnosis; the out-of-memory line's tests below kill the same mutants first under PIT
    // (bench/results.md "build24"); surefire runs both
    @Test
    @Tag("replay")
    void aJobWhoseCardWasSampledIsNotAskedForNvidiaSmi() throws Exception {
        Report r = diagnose(timeline(null));
        assertFalse(r.sections().informationGaps().stream().anyMatch(g -> g.startsWith("GPU state")),
                r.sections().informationGaps().toString());
    }

    // replay: as above
    @Test
    @Tag("replay")
    void aJobWatchedWithoutTheCardIsStillAskedForIt() throws Exception {
        Report r = diagnose(timeline("nvidia-smi was not found: host memory only"));
        assertTrue(r.sections().informationGaps().stream().anyMatch(g -> g.startsWith("GPU state")),
                r.sections().informationGaps().toString());
    }

    @Test
    void theFailuresOwnLineWithTheCardSampledAsksNoNvidiaSmi() {
        Report r = diagnoseLastLine(timeline(null));
        assertFalse(r.sections().informationGaps().stream().anyMatch(g -> g.startsWith("GPU state")),
                r.sections().informationGaps().toString());
    }

    @Test
    void theFailuresOwnLineWatchedWithoutTheCardStillAsksForIt() {
        Report r = diagnoseLastLine(timeline("nvidia-smi was not found: host memory only"));
        assertTrue(r.sections().informationGaps().stream().anyMatch(g -> g.startsWith("GPU state")),
                r.sections().informationGaps().toString());
    }

    /** The recorded log's last line, its out-of-memory message: a fraction of the whole log's diagnosis. */
    private static Report diagnoseLastLine(MemoryTimeline t) {
        String[] lines = Fixtures.text("h200/leak_eval.log").strip().split("\n");
        LogText message = LogText.of(lines[lines.length - 1]);
        return EvidenceGatherer.from(message).timeline(t).gather().diagnose(new Diagnoser());
    }

    private static Report diagnose(MemoryTimeline t) throws Exception {
        LogText log;
        try (InputStream in = Files.newInputStream(Fixtures.path("h200/leak_eval.log"))) {
            log = new LogReader().read(in);
        }
        return EvidenceGatherer.from(log).timeline(t).gather().diagnose(new Diagnoser());
    }

    /** Two samples of the recorded job: 7 GiB at the first eval batch, 139.7 GiB of a 140.4 GiB card at the end. */
    private static MemoryTimeline timeline(String gpuNote) {
        boolean card = gpuNote == null;
        List<Sample> samples = List.of(
                new Sample(13_000, 1, card ? 7 * GIB : null, card ? 7 * GIB : null, card ? 140L * GIB : null,
                        card ? 0L : null, 2 * GIB, null, 0L),
                new Sample(17_600, 25, card ? 139 * GIB : null, card ? 139 * GIB : null, card ? 140L * GIB : null,
                        card ? 0L : null, 2 * GIB, null, 0L));
        return new MemoryTimeline(samples, List.of(), 1, null, "torch.OutOfMemoryError: CUDA out of memory.",
                17_600, 25, gpuNote, 5 * GIB, List.of());
    }
}
