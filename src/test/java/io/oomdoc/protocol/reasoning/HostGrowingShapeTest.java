package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape host-growing: memory that climbs where the host is what ran out is host RAM that grows, not tensors kept
 * on the card. Real reports of the corpus (sources there).
 */
class HostGrowingShapeTest {
    private static Set<String> features(String id) { return CueFeatures.of(RealEvidence.ofId(id).withDescription()); }

    @Test
    void aProcessKilledAfterItsMemoryClimbedIsTheHostsGrowth() {
        // BY571/IQN-and-Extensions#3: 62 GB of virtual memory in two hours, then killed by the system
        Set<String> x = features("iqn-extensions-3-replay-1m-killed");
        assertTrue(x.contains("shape:host-growing"), x.toString());
    }

    @Test
    void gpuMemoryThatClimbsWithNoHostInSightIsNotIt() {
        // nitrain/nitrain#27: GPU memory grows during training until CUDA runs out
        Set<String> x = features("nitrain-27-training-memory-grows");
        assertTrue(x.contains("cue:growth"), x.toString());
        assertFalse(x.contains("shape:host-growing"), x.toString());
    }
}
