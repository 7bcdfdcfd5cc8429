package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A card held by another running job that the message names by PID is fixed by finding and stopping that job, and is
 * explained by the entry on sharing a card, not by the one on dead processes. Fixture (traces/SOURCES.md):
 * vllm-751-70b-neighbour-50gib.txt (vllm-project/vllm#751: process 247516 holds 50.52 GiB beside the job).
 */
class LiveHolderFirstTest {
    private static Report diagnose(String name) throws Exception {
        LogText log = LogText.of(Files.readString(Path.of("src/test/resources/traces/" + name)));
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }

    @Test
    void aNamedFiftyGibNeighbourIsFoundAndStoppedFirst() throws Exception {
        Report r = diagnose("vllm-751-70b-neighbour-50gib.txt");
        assertEquals("Find and stop the other holder", r.fixes().get(0).title());
    }

    @Test
    void aNamedNeighboursBackgroundIsNotAboutDeadProcesses() throws Exception {
        String root = diagnose("vllm-751-70b-neighbour-50gib.txt").sections().rootCause();
        assertFalse(root.contains("killed hard"), root);
    }
}
