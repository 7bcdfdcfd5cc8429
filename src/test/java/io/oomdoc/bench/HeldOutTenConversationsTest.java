package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tenth blind set (src/test/resources/conversations_heldout10) keeps the form of every blind set, and its threads
 * are new to the project (see that folder's README).
 */
class HeldOutTenConversationsTest extends BlindConversationSetChecks {
    HeldOutTenConversationsTest() { super(ConversationBench.HELD_OUT_10, 170); }

    /**
     * The set is blind only if its threads are new to the project: no other fixture under src/test/resources cites
     * any of them (as a URL, or a GitHub thread as owner/repo#N). Checked per thread, so a file later moved to
     * ../conversations/ for tuning takes its own check with it.
     */
    @Test
    void noSourceThreadIsCitedByAnyOtherFixture() throws IOException {
        // corpus_heldout10 is written blind on another branch in the same hours and is only ever scored: a thread both
        // sets drew would leak nothing into tuning
        assertEquals(List.of(), sourcesCitedOutside(Path.of("src/test/resources/corpus_heldout10")));
    }
}
