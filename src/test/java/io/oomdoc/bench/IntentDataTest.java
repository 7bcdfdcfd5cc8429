package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intent weights learn from every burned conversation set, and never from a set kept for scoring: sets 16-19
 * (every half scored by the fifteenth session) join whole, and set 20, scored once and never read, stays out as the
 * check that a refit transfers (issue 13, intent17). Sets written after it never join unread.
 */
class IntentDataTest {
    @Test
    void setsSixteenToNineteenJoinWithBothHalves() {
        var dir = IntentData.dir("conversations_heldout19");
        var turns = IntentData.labelled().stream().filter(l -> l.set().equals("conversations_heldout19")).toList();
        assertTrue(turns.stream().anyMatch(l -> ConversationBench.developmentHalf(dir, l.file())),
                "the readable half of set 19 is labelled data");
        assertTrue(turns.stream().anyMatch(l -> !ConversationBench.developmentHalf(dir, l.file())),
                "the scored half of set 19 is labelled data");
    }

    @Test
    void noSetKeptForScoringIsLabelledData() {
        assertFalse(IntentData.labelled().stream().anyMatch(l -> l.set().matches("conversations_heldout(?:2\\d).*")),
                "a set kept for scoring reached the intent data");
    }
}
