package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allocator's physics as features, on real messages of the corpus (sources in the corpus files). */
class AllocatorPhysicsTest {
    /** From the corpus RealEvidence reads once per JVM: read per test, it made this PIT's slowest test (2.9 s). */
    private static Set<String> features(String id) {
        return RealEvidence.features(RealEvidence.ofPasteAlone(id)).values().keySet();
    }

    @Test
    void idleCacheThatCouldHoldTheRequestIsFragmentationsSignature() {
        // kaito-project/kaito#976: 546 MiB requested while 737 MiB sit reserved but unallocated
        assertTrue(features("kaito-976-vllm-engine-reserved-unallocated").contains("idle:exceeds-request"));
    }

    @Test
    void aFullCacheIsNot() {
        // hiyouga/LLaMA-Factory#182: 50 MiB requested, 44.69 MiB free, reserved equal to allocated (no idle cache)
        Set<String> f = features("llamafactory-182-visible-devices-overwritten-gpu0-busy");
        assertFalse(f.contains("idle:exceeds-request"));
        assertFalse(f.contains("free:exceeds-request"));
    }

    @Test
    void oneRequestLargerThanTheWholeCardIsFlagged() {
        // TMElyralab/MusePose#20 (corpus_heldout21), the paste alone: "Tried to allocate 243.00 GiB (GPU 0; 15.99 GiB
        // total capacity ...)"
        var paste = RealEvidence.gather(io.oomdoc.evidence.trace.LogText.of(
                RealEvidence.ofId("musepose-20-stage2-asks-243gib").paste()), null);
        assertTrue(RealEvidence.features(paste).values().containsKey(FeatureExtractor.TRIED_EXCEEDS_CARD));
    }

    @Test
    void aRequestThatFitsTheCardIsNot() {
        // kaito-project/kaito#976: 546 MiB requested of a 15.77 GiB card
        assertFalse(features("kaito-976-vllm-engine-reserved-unallocated")
                .contains(FeatureExtractor.TRIED_EXCEEDS_CARD));
    }
}
