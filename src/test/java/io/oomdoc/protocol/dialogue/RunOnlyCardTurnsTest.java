package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Luce-Org/lucebox#44 (conversations_heldout31 P19): a user who runs a 27B at Q5 or Q6 on a 24 GB 3090 asks about a
 * long context and then about a 32 GB 5090. Turns 1..n are played as written.
 */
class RunOnlyCardTurnsTest {
    private static final String SET = "conversations_heldout31";
    private static final String FILE = "P19-27b-q5-q6-on-a-3090.txt";

    /** "with Q5 and 32k context, does it fit in 24 GB?": a model that is only run has a KV cache, not gradients. */
    @Test
    void aContextAskedOfAModelThatIsOnlyRunIsAKvCacheQuestion() {
        String text = FitTurnsOnRealThreadsTest.turn(SET, FILE, 4).text();
        assertTrue(text.contains("KV cache"), text);
        assertFalse(text.contains("gradients"), text);
    }

    /** "and on a 32 GB 5090?": 32 GB is the card's size, not thirty-two cards. */
    @Test
    void aCardsSizeIsNotACountOfCards() {
        String text = FitTurnsOnRealThreadsTest.turn(SET, FILE, 5).text();
        assertTrue(text.contains("RTX 5090 (32 GiB)"), text);
        assertFalse(text.contains("32 cards"), text);
    }
}
