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
        List<String> cited = sourcesCitedOutside().stream()
                .filter(c -> CITED_AFTER_SCORING.stream().noneMatch(c::endsWith)).toList();
        assertEquals(List.of(), cited);
    }

    /**
     * Threads a later fixture cites after this set was scored (once, 2026-11-26 11:40 UTC, now development data): the
     * eighth session's new-user check of issue 12 took its impossible-size trace from the same thread
     * (traces/SOURCES.md). Named one by one so that any other sighting still fails.
     */
    private static final List<String> CITED_AFTER_SCORING = List.of("https://github.com/qwenlm/qwen3-vl/issues/334");

    /** True when the text names the thread: its URL, or a GitHub thread as owner/repo#N or owner/repo/issues/N. */
    static boolean cites(String lowerText, String lowerUrl) {
        var g = GITHUB_THREAD.matcher(lowerUrl);
        if (!g.matches()) return lowerText.contains(lowerUrl.replaceFirst("^https?://", ""));
        return lowerText.contains(g.group(1)) && Pattern.compile("(?<![\\w.-])" + Pattern.quote(g.group(1))
                + "(?:/issues/|/pull/|/discussions/|#)" + g.group(2) + "(?!\\d)").matcher(lowerText).find();
    }
}
