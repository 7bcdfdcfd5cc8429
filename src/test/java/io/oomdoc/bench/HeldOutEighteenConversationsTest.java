package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The eighteenth blind conversation set (src/test/resources/conversations_heldout18) keeps the form of every blind
 * set, and its threads are new to the project (see that folder's README).
 */
class HeldOutEighteenConversationsTest extends BlindConversationSetChecks {
    HeldOutEighteenConversationsTest() { super(ConversationBench.HELD_OUT_18, 150); }

    /**
     * The set is blind only if its threads are new to the project: no other fixture under src/test/resources cites
     * any of them (as a URL, or a GitHub thread as owner/repo#N).
     */
    @Test
    void noSourceThreadIsCitedByAnyOtherFixture() throws IOException {
        // the blind sets written on other branches in the same hours are only ever scored: a thread two blind sets
        // drew would leak nothing into tuning (each writer also skipped the others' thread lists while writing); the
        // scanner's recall set written the same hours (scan_recall14) took zoogzog/chexnet#12's training file as code
        // for the scanner's rules, which no answer of the conversation reads; scan_patterns (scan17) models that file
        // in code of our own and names the thread in its header
        assertEquals(List.of(), sourcesCitedOutside(Path.of("src/test/resources/corpus_heldout16"),
                Path.of("src/test/resources/corpus_heldout17"),
                Path.of("src/test/resources/conversations_heldout17"), Path.of("src/test/resources/scan_recall14"),
                Path.of("src/test/resources/scan_patterns")));
    }

    /**
     * Every thread comes from a different GitHub repository, so the split by repository is a split by thread and no
     * repository's phrasing sits in both halves.
     */
    @Test
    void noTwoFilesShareASourceRepository() throws IOException {
        assertEquals(List.of(), filesSharingASourceRepository());
    }
}
