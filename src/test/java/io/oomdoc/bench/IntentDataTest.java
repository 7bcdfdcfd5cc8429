package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intent weights learn from every burned conversation set, and never from a set kept for scoring: sets 16-23
 * (every half scored by the seventeenth session) join whole, and set 24, scored once and never read, stays out as the
 * check that a refit transfers (issue 13, conv19b). Sets written after it never join unread.
 */
class IntentDataTest {
    @Test
    void setsTwentyToTwentyThreeJoinWithBothHalves() {
        for (String set : java.util.List.of("conversations_heldout20", "conversations_heldout21",
                "conversations_heldout22", "conversations_heldout23")) {
            var dir = IntentData.dir(set);
            var turns = IntentData.labelled().stream().filter(l -> l.set().equals(set)).toList();
            assertTrue(turns.stream().anyMatch(l -> ConversationBench.developmentHalf(dir, l.file())),
                    "the readable half of " + set + " is labelled data");
            assertTrue(turns.stream().anyMatch(l -> !ConversationBench.developmentHalf(dir, l.file())),
                    "the scored half of " + set + " is labelled data");
        }
    }

    @Test
    void noSetKeptForScoringIsLabelledData() {
        assertFalse(IntentData.labelled().stream()
                        .anyMatch(l -> l.set().matches("conversations_heldout(?:4[1-9]|[5-9]\\d).*")),
                "a set kept for scoring reached the intent data");
    }
}
