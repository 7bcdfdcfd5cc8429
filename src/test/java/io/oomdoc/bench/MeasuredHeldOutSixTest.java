package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sixth held-out set of measured peaks (measured_heldout6.json, made by make_measured_heldout6.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set, and its GitHub pages are
 * pinned.
 */
class MeasuredHeldOutSixTest extends MeasuredSetFormChecks {
    MeasuredHeldOutSixTest() { super("heldout6"); }

    @Test
    void everyGitHubPageIsPinnedToTheCommitItWasReadAt() throws IOException {
        // the pages change (READMEs, blog posts): the figure is checkable only against the version it was typed from
        for (JsonNode r : records(set())) {
            String url = r.path("source").asText();
            if (url.startsWith("https://github.com/")) {
                assertTrue(url.matches("https://github\\.com/[^/]+/[^/]+/blob/[0-9a-f]{40}/.+"),
                        r.path("id") + ": " + url);
            }
        }
    }

}
