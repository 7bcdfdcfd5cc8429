package io.oomdoc.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sixth blind set (src/test/resources/conversations_heldout6) keeps the form of every blind set, and its threads
 * are new to the project (see that folder's README).
 */
class HeldOutSixTest extends BlindConversationSetChecks {
    private static final Pattern GITHUB_THREAD =
            Pattern.compile("https?://github\\.com/([^/\\s]+/[^/\\s]+)/(?:issues|pull|discussions)/(\\d+)");

    HeldOutSixTest() { super(ConversationBench.HELD_OUT_6, 150); }

    /**
     * The set is blind only if its threads are new to the project: no other fixture under src/test/resources cites
     * any of them (as a URL, or a GitHub thread as owner/repo#N). Checked per thread, so a file later moved to
     * ../conversations/ for tuning takes its own check with it.
     */
    @Test
    void noSourceThreadIsCitedByAnyOtherFixture() throws IOException {
        assertEquals(List.of(), sourcesCitedOutside());
    }

    /** True when the text names the thread: its URL, or a GitHub thread as owner/repo#N or owner/repo/issues/N. */
    static boolean cites(String lowerText, String lowerUrl) {
        var g = GITHUB_THREAD.matcher(lowerUrl);
        if (!g.matches()) return lowerText.contains(lowerUrl.replaceFirst("^https?://", ""));
        return lowerText.contains(g.group(1)) && Pattern.compile("(?<![\\w.-])" + Pattern.quote(g.group(1))
                + "(?:/issues/|/pull/|/discussions/|#)" + g.group(2) + "(?!\\d)").matcher(lowerText).find();
    }
}
