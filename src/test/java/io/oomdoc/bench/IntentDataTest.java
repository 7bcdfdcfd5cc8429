package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intent weights learn from every readable conversation set, and never from a scored half: set 14's readable
 * half joins as "conversations_heldout14-dev", split as ConversationBench splits it (issue 13, conv13a).
 */
class IntentDataTest {
    @Test
    void setFourteenJoinsByItsReadableHalfOnly() {
        var dir = IntentData.dir("conversations_heldout14-dev");
        var turns = IntentData.labelled().stream().filter(l -> l.set().equals("conversations_heldout14-dev")).toList();
        assertTrue(!turns.isEmpty(), "the readable half of set 14 is labelled data");
        assertTrue(turns.stream().allMatch(l -> ConversationBench.developmentHalf(dir, l.file())),
                "a turn of set 14's scored half reached the intent data");
    }
}
