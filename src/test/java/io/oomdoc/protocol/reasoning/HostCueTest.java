package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cue host names what ran out (RAM, a kill, workers), not where the job ran (Colab, SLURM, a pod). */
class HostCueTest {
    private static Set<String> features(String text) { return CueFeatures.of(text); }

    private static String paste(String id) { return CueFeatures.paste(id); }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aJobRunOnColabIsNotAHostCue() {
        // google-deepmind/alphafold#223: an XLA allocation of 13 GB on Colab Pro; the card, not the host, ran out
        Set<String> x = features(paste("alphafold-223-colab-pro-1100aa-13gb"));
        assertFalse(x.contains("cue:host") || x.contains("log:host"), x.toString());
    }

    @Test
    void aKillIsStillAHostCue() {
        // chatchat-space/Langchain-Chatchat#35: "Killed" while loading checkpoint shards
        Set<String> x = features(paste("langchain-chatchat-35-shards-38pct-killed"));
        assertTrue(x.contains("cue:host") || x.contains("log:host"), x.toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void theHostsRamSizeStatedAsASpecIsNotAHostCue() {
        // IamCreateAI/Ruyi-Models#10: "Win10, 32Gb RAM, 11Gb VRAM" describes the machine; ComfyUI's "Allocation on
        // device" failed on the 11 GB card, so the card ran out, not the host
        Set<String> x = features(paste("ruyi-models-10-11gb-allocation-on-device"));
        assertFalse(x.contains("cue:host") || x.contains("log:host"), x.toString());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void ramNamedAsWhatRanOutIsStillAHostCue() {
        // kingoflolz/mesh-transformer-jax#120: Colab's "session crashed after using all available RAM"
        Set<String> x = features(paste("mesh-transformer-jax-120-colab-ram"));
        assertTrue(x.contains("cue:host") || x.contains("log:host"), x.toString());
    }
}
