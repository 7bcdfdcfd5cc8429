package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eighth held-out set of measured peaks (measured_heldout8.json, made by make_measured_heldout8.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, and its issue and pull-request threads are named by number.
 */
class MeasuredHeldOutEightTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutEightTest() { super("heldout8"); }

    @Test
    void aShardedRecordNamesItsStageAndRanks() throws IOException {
        // the weak family of issue 14: a sharded figure is per GPU and means nothing without the stage and rank count
        for (JsonNode r : records(set())) {
            if (r.path("family").asText().equals("sharded")) {
                String sh = r.path("sharding").asText();
                assertTrue(sh.contains("zero") || sh.contains("fsdp"), r.path("id") + ": " + sh);
                assertTrue(r.path("gpus").asInt() > 1, r.path("id") + ": gpus");
            }
        }
    }
}
