package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allocator's physics as features, on real messages of the corpus (sources in the corpus files). */
class AllocatorPhysicsTest {
    private static Set<String> features(String id) {
        Case c = Corpus.all().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
        var e = new Diagnoser().evidence(LogText.of(c.paste()), null, Facts.EMPTY, null, null, null,
                new java.util.ArrayList<>());
        return new FeatureExtractor().extract(e).values().keySet();
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
}
