package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PyTorch's host allocator says "DefaultCPUAllocator: can't allocate memory: you tried to allocate N bytes", words the
 * GPU message also uses: it is host RAM, with the request it states. Real reports of the corpus (sources there).
 */
class HostAllocatorTest {
    private static Report diagnosePaste(String id) {
        Case c = RealEvidence.ofId(id);
        return new Diagnoser().diagnose(LogText.of(c.paste()), null, Facts.EMPTY, null, null);
    }

    @Test
    void theCpuAllocatorsRefusalIsHostRam() {
        Report r = diagnosePaste("cartoongan-1-cpu-allocator-64mb");
        assertEquals("host_ram_oom", r.issueType());
        assertEquals("host_ram_oom", r.category());
        assertEquals(67_108_864L, ((Number) r.numbers().get("tried_bytes")).longValue());
    }

    @Test
    void aBareNotEnoughMemoryLineTakesTheRequestTheNextLineStates() {
        Report r = diagnosePaste("nvidia-rtx-nodes-13-video-upscale-cpu-31gb");
        assertEquals("host_ram_oom", r.issueType());
        assertEquals(31_850_496_000L, ((Number) r.numbers().get("tried_bytes")).longValue());
    }
}
