package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explanations that are not arithmetic (a concept, a mechanism), answered from the knowledge's passages in real
 * conversations of burned held-out sets played turn by turn; each file names its source thread.
 */
class ExplainConceptsTest {
    private static final Path SET_7 = Path.of("src/test/resources/conversations_heldout7");
    private static final Path SET_12 = Path.of("src/test/resources/conversations_heldout12");
    private static final Path SET_15 = Path.of("src/test/resources/conversations_heldout15");

    private static void holdsSaying(Path dir, String file, int index, String words) {
        var v = turn(dir, file, index);
        assertTrue(v.output().contains(words), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/TabbyML/tabby/issues/4156: a mixture of experts needs all its experts in memory, not the active. */
    @Test
    void aMixtureOfExpertsKeepsEveryExpertLoaded() {
        holdsSaying(SET_12, "M37-tabby-deepseek-coder-v2-lite-p100-16gb.txt", 3, "every expert");
    }

    /** github.com/kongzhecn/OMG/issues/6: two 24 GB cards are two memories, not one of 48 GB. */
    @Test
    void twoCardsDoNotPoolTheirMemory() {
        holdsSaying(SET_15, "P41-omg-multi-concept-sdxl-two-24gb-gpus-split.txt", 4, "its own memory");
    }

    /**
     * github.com/UCSB-AI/MiniGPT-5/issues/49: "why does the length matter so much for memory" is about the length;
     * "memory", which every passage shares, and "matter" do not choose the passage.
     */
    @Test
    void theSubjectOfTheQuestionOutweighsWordsEveryPassageShares() {
        var v = turn(SET_7, "H39-minigpt5-max-length-1024-oom.txt", 3);
        assertTrue(!v.output().contains("memory settings only work before"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
