package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vocabulary rule: a token enters only if reports of K groups use it. Real backward tracebacks of three
 * repositories (facebookresearch/ParlAI#4452, karpathy/nanoGPT#391, KellerJordan/modded-nanogpt#12).
 */
class VocabularyTest {
    private static Vocabulary ofThreeRepositories() {
        Vocabulary v = new Vocabulary();
        for (String id : new String[]{"parlai-4452-t5-11b-fake-backward-21gib",
            "nanogpt-391-llama2c-7b-dims-a100-40gb-backward", "modded-nanogpt-12-8xl40s-compiled-backward"}) {
            v.add(RealEvidence.ofId(id).group(), RealEvidence.features(RealEvidence.ofCase(id)).values().keySet());
        }
        return v;
    }

    // replay: never the first killer of a mutant under PIT (the verify at 5355c9c7), left to surefire (build21)
    @Test
    @Tag("replay")
    void aTokenOfOneRepositoryDoesNotEnter() {
        // the ParlAI reporter's home directory is in every frame of its traceback and in no other report
        Set<String> words = ofThreeRepositories().select(2);
        assertFalse(words.contains("lw:zhaojianqiao"), words.toString());
    }

    @Test
    void aTokenOfEveryRepositoryEnters() {
        assertTrue(ofThreeRepositories().select(3).contains("lw:backward"));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void onlyWordFeaturesAreCounted() {
        assertTrue(ofThreeRepositories().select(1).stream().allMatch(Vocabulary::isWord));
    }
}
