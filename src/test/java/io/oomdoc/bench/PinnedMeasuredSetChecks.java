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

    @Test
    void aShardedRecordNamesItsStageAndRanks() throws IOException {
        // the weak family of issue 14: a sharded figure is per GPU and means nothing without the stage and rank count;
        // ZeRO-Offload on one card (hf-blog-zero-t5-3b, heldout7) shards into host RAM instead of over ranks
        for (JsonNode r : records(set())) {
            if (r.path("family").asText().equals("sharded")) {
                String sh = r.path("sharding").asText();
                assertTrue(sh.contains("zero") || sh.contains("fsdp"), r.path("id") + ": " + sh);
                assertTrue(r.path("gpus").asInt() > 1 || sh.contains("offload"), r.path("id") + ": gpus");
            }
        }
    }
}
