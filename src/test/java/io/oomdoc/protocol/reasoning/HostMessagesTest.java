package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Host memory as the operating system words it outside a DataLoader worker: a process's own "Bus error (core dumped)"
 * (its shared memory ran out: all 24 reports of the training data that print a bus error are host RAM, from 24
 * repositories) and the kernel's ENOMEM, "[Errno 12] Cannot allocate memory". Real reports of the corpus (sources
 * there); the "core dumped" of a bus error is not a CUDA fault.
 */
class HostMessagesTest {
    private static Report diagnosePaste(String id) {
        return new Diagnoser().diagnose(LogText.of(RealEvidence.ofId(id).paste()), null, Facts.EMPTY, null, null);
    }

    @Test
    void aProcesssOwnBusErrorIsHostMemoryNotACudaFault() {
        // facebookresearch/PyTorch-BigGraph#33: "[ERROR] Bus error (core dumped)" in a Docker container
        Set<String> x = CueFeatures.of(RealEvidence.ofId("biggraph-33-share-memory-bus-error-docker").paste());
        assertTrue(x.contains("kind:host_ram_oom"), x.toString());
        assertFalse(x.contains("not-oom"), x.toString());
        assertEquals("host_ram_oom", diagnosePaste("biggraph-33-share-memory-bus-error-docker").issueType());
    }

    @Test
    void theKernelsEnomemIsHostMemory() {
        // edouardelasalles/srvp#8: "OSError: [Errno 12] Cannot allocate memory" at iteration 319999
        Set<String> x = CueFeatures.of(RealEvidence.ofId("srvp-8-errno12-cannot-allocate-after-320k").paste());
        assertTrue(x.contains("kind:host_ram_oom"), x.toString());
        assertEquals("host_ram_oom", diagnosePaste("srvp-8-errno12-cannot-allocate-after-320k").issueType());
    }
}
