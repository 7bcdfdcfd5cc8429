package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenth held-out set of measured peaks (measured_heldout10.json, made by make_measured_heldout10.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, and no page or key is shared with an earlier set.
 */
class MeasuredHeldOutTenTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutTenTest() { super("heldout10"); }


    @Test
    void aServingRecordStatesItsEngine() throws IOException {
        // a serving working set depends on the engine's cache policy: the record names the engine it was read from
        for (JsonNode r : records(set())) {
            if (r.path("family").asText().equals("inference")) {
                assertFalse(r.path("serving_engine").asText().isBlank(), r.path("id") + ": serving_engine");
            }
        }
    }
}
