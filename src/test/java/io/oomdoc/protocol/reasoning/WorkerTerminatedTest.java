package io.oomdoc.protocol.reasoning;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DataLoader worker stopped by SIGTERM is not a host-RAM kill (the OOM killer sends SIGKILL): the report says it
 * is not an out-of-memory failure and asks for the first error; a worker killed by SIGKILL stays host RAM. Real
 * reports: open-mmlab/mmsegmentation#2085 (traces/SOURCES.md), hezhangsprinter/DCPDN#12 (the corpus).
 */
class WorkerTerminatedTest {
    private static Report diagnose(String text) {
        return new Diagnoser().diagnose(LogText.of(text), null, Facts.EMPTY, null, null);
    }

    @Test
    void aWorkerStoppedBySigtermIsNotAHostRamKill() {
        Report r = diagnose(Fixtures.text("traces/mmseg-2085-worker-sigterm.txt"));
        assertEquals("not_oom", r.issueType());
        assertTrue(r.sections().rootCause().contains("first error"), r.sections().rootCause());
        assertTrue(r.fixes().isEmpty(), r.fixes().toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aWorkerKilledBySigkillIsStillHostRam() {
        Report r = diagnose(RealEvidence.ofId("dcpdn-12-dataloader-killed-16g").paste());
        assertEquals("host_ram_oom", r.issueType());
    }
}
