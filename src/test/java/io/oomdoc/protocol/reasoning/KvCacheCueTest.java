package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cue kvcache: the cache of keys and values named, or a context-length setting that sizes it, in the prose
 * (cue:kvcache) or in the log (log:kvcache). Real reports of the corpus (sources there).
 */
class KvCacheCueTest {
    private static Set<String> features(String id) { return CueFeatures.of(RealEvidence.ofId(id).withDescription()); }

    @Test
    void theCacheConcatenatedInTheTracebackIsReadFromTheLog() {
        // oobabooga/textgen#1041: the frames concatenate past_key_value
        Set<String> x = features("textgen-1041-rtx2070-llama-kv-cat-past-key-value");
        assertTrue(x.contains("log:kvcache"), x.toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void llamaCppsContextSettingIsTheCache() {
        // neuml/txtai#824: the llama.cpp pipeline passed n_ctx=0
        Set<String> x = features("txtai-824-llamacpp-n-ctx-zero-train-length");
        assertTrue(x.contains("cue:kvcache") || x.contains("log:kvcache"), x.toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aTrainingRunThatNamesNoCacheHasNoCue() {
        // GeoZcx change detection (#14): a batch of 32 in training
        Set<String> x = features("geozcx-14-change-detection-batch-32");
        assertFalse(x.stream().anyMatch(f -> f.endsWith(":kvcache")), x.toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aProteinsLengthInResiduesIsALongSequence() {
        // jwohlwend/boltz#106: a protein of about 2300 residues
        Set<String> x = features("boltz-106-2300-residues-a6000");
        assertTrue(x.contains("cue:seqlarge"), x.toString());
    }
}
