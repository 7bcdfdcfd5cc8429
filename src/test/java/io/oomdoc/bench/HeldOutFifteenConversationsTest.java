package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fifteenth blind conversation set (src/test/resources/conversations_heldout15) keeps the form of every blind
 * set, and its threads are new to the project (see that folder's README).
 */
class HeldOutFifteenConversationsTest extends BlindConversationSetChecks {
    HeldOutFifteenConversationsTest() { super(ConversationBench.HELD_OUT_15, 150); }

    /**
     * The set is blind only if its threads are new to the project: no other fixture under src/test/resources cites
     * any of them (as a URL, or a GitHub thread as owner/repo#N).
     */
    @Test
    void noSourceThreadIsCitedByAnyOtherFixture() throws IOException {
        // the blind report corpus written on another branch in the same hours is only ever scored: a thread two blind
        // sets drew would leak nothing into tuning
        assertEquals(List.of(), sourcesCitedOutside(Path.of("src/test/resources/corpus_heldout14")));
    }

    /**
     * A forum thread is its own group (ConversationBench.developmentHalf), so that the threads of one forum site do
     * not fall wholly into one half: checked on the PyTorch forum's threads, the site with the most files here.
     */
    @Test
    void forumThreadsOfOneSiteFallIntoBothHalves() {
        var forum = set.stream().filter(t -> t.file().matches("P\\d\\d-pytorch-forum-.*")).toList();
        long readable = forum.stream().filter(t -> ConversationBench.developmentHalf(folder, t.file())).count();
        assertEquals(true, readable > 0 && readable < forum.size(), readable + " of " + forum.size());
    }
}
