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

    @Test
    void aCacheWithNoIdleBlockIsFlagged() {
        // zai-org/ChatGLM2-6B#13 (corpus_heldout5), the paste alone: "10.29 GiB already allocated; 0 bytes free; 10.29 GiB reserved in
        // total by PyTorch" on an 11 GB card, the weights of a 6B model in fp16 not fitting
        var paste = RealEvidence.gather(io.oomdoc.evidence.trace.LogText.of(
                RealEvidence.ofId("chatglm2-13-11gb-card-fp16-weights").paste()), null);
        assertTrue(RealEvidence.features(paste).values().containsKey(FeatureExtractor.IDLE_NONE));
    }

    @Test
    void aCacheWithIdleBlocksIsNot() {
        // kaito-project/kaito#976: 737 MiB reserved but unallocated beside 13.73 GiB allocated (5%)
        assertFalse(features("kaito-976-vllm-engine-reserved-unallocated").contains(FeatureExtractor.IDLE_NONE));
    }
}
