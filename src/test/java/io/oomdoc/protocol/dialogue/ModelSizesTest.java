package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which model fits a memory: the inverse of the weights' size, computed, with the common sizes marked. */
class ModelSizesTest {
    /**
     * github.com/ollama/ollama/issues/10920 (a 16 GB Arm board, 13 GB usable): at Q4 a 14B's weights fit 13 GB
     * with room for its cache, a 32B's do not.
     */
    @Test
    void theLargestModelForAMemoryAndAQuantizationIsComputed() {
        var v = turn("K40-ollama-deepseek-v25-16gb-arm-board.txt", 3);
        assertTrue(v.output().contains("14B 7.3 GiB fits") && v.output().contains("32B 16.8 GiB does not fit"),
                v.output());
        assertTrue(v.output().contains("up to about 22B"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
