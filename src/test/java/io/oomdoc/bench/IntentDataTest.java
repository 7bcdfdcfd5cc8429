package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intent weights learn from every readable conversation set, and never from a half kept for scoring: set 16's
 * readable half joins as "conversations_heldout16-dev", split as ConversationBench splits it, and its scored half
 * stays out as the check that a refit transfers (issue 13, conv14). Sets written after it never join unread.
 */
class IntentDataTest {
    @Test
    void setSixteenJoinsByItsReadableHalfOnly() {
        var dir = IntentData.dir("conversations_heldout16-dev");
        var turns = IntentData.labelled().stream().filter(l -> l.set().equals("conversations_heldout16-dev")).toList();
        assertTrue(!turns.isEmpty(), "the readable half of set 16 is labelled data");
        assertTrue(turns.stream().allMatch(l -> ConversationBench.developmentHalf(dir, l.file())),
                "a turn of set 16's scored half reached the intent data");
    }

    @Test
    void noBlindSetWrittenAfterItIsLabelledData() {
        assertFalse(IntentData.labelled().stream().anyMatch(l -> l.set().matches("conversations_heldout1[7-9].*")),
                "a blind set reached the intent data");
    }
}
