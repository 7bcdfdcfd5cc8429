package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The forty-first blind conversation set (src/test/resources/conversations_heldout41) keeps the form of every blind
 * set, and its threads are new to the project (see that folder's README).
 */
class HeldOutFortyOneConversationsTest extends BlindConversationSetChecks {
    HeldOutFortyOneConversationsTest() { super(ConversationBench.HELD_OUT_41, MIN_TURNS, MIN_CONVERSATIONS); }

    /** The floors the set was delivered with (its README counts them). */
    private static final int MIN_TURNS = 140;
    private static final int MIN_CONVERSATIONS = 28;

    /**
     * The set is blind only if its threads are new to the project: no other fixture under src/test/resources cites
     * any of them (as a URL, or a GitHub thread as owner/repo#N).
     */
    @Test
    void noSourceThreadIsCitedByAnyOtherFixture() throws IOException {
        // the blind sets written on other branches in the same hours are only ever scored: a thread two blind sets
        // drew would leak nothing into tuning (each writer also skipped the others' thread lists while writing)
        assertEquals(List.of(), sourcesCitedOutside(Path.of("src/test/resources/corpus_heldout42"),
                Path.of("src/test/resources/budget/measured_heldout26.json")));
    }

    /**
     * Every GitHub thread comes from a different repository, so the split by repository is a split by thread and no
     * repository's phrasing sits in both halves.
     */
    @Test
    void noTwoFilesShareASourceRepository() throws IOException {
        assertEquals(List.of(), filesSharingASourceRepository());
    }
}
