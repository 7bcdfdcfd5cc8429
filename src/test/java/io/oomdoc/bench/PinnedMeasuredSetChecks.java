package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks of the blind measured sets written since the seventh: besides the form of every set, their GitHub file
 * pages are pinned and every record says how its figure was read.
 */
abstract class PinnedMeasuredSetChecks extends MeasuredSetFormChecks {
    PinnedMeasuredSetChecks(String name) { super(name); }

    @Test
    void everyGitHubPageIsPinnedOrIsAThreadNamedByNumber() throws IOException {
        // a README or doc changes: its figure is checkable only against the version it was typed from; a thread is
        // checkable by its number (its comments stay as posted)
        for (JsonNode r : records(set())) {
            String url = r.path("source").asText();
            if (url.startsWith("https://github.com/")) {
                assertTrue(url.matches("https://github\\.com/[^/]+/[^/]+/blob/[0-9a-f]{40}/.+")
                        || url.matches("https://github\\.com/[^/]+/[^/]+/(issues|pull)/[0-9]+"),
                        r.path("id") + ": " + url);
            }
        }
    }

    @Test
    void everyRecordSaysHowItsFigureWasRead() throws IOException {
        // allocated, reserved or a card-level reading weigh differently: a record that does not say cannot be scored
        for (JsonNode r : records(set())) {
            String how = r.path("measured_how").asText();
            assertTrue(how.contains("max_memory_allocated") || how.contains("outcome") || how.contains("not said")
                    || how.contains("reading"), r.path("id") + ": " + how);
        }
    }
}
