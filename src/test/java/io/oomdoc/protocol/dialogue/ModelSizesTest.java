package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * The same question (ollama/ollama#10920, turn 3) opening a session, with no model held: the sizes are the whole
     * answer. It must not ask which model it is, nor add passages its other words ("Q4", "run") happen to find.
     */
    @Test
    void aQuestionAboutWhichModelFitsIsNotAskedBack() {
        var c = new Conversation();
        var a = c.respond("what size of model could I actually run in 13 GB at Q4?");
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("up to about 22B"), a.text());
        assertFalse(a.text().contains(Messages.get("ask.model")), a.text());
        assertFalse(a.text().contains("[M11"), a.text());
        // no pending question: the next turn is read on its own, not as the model asked for
        assertEquals(Intent.SMALL_TALK, c.respond("thanks, I'll try a smaller one").intent());
    }
}
