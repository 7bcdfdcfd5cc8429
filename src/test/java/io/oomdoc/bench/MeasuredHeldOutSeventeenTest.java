package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The seventeenth held-out set of measured peaks (measured_heldout17.json, made by make_measured_heldout17.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, no page or key is shared with an earlier set, and it leans to fine-tuning as issue 14 asks.
 */
class MeasuredHeldOutSeventeenTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutSeventeenTest() { super("heldout17"); }

    @Test
    void aRunOnOneCardIsNeverCalledSharded() throws IOException {
        // the FSDP scaling rows start at one GPU, where FULL_SHARD has nothing to shard across: such a row is family
        // "full", so a single-card figure is never scored as a per-rank share
        for (JsonNode r : records(set())) {
            if (r.path("gpus").asInt() == 1) {
                assertFalse(r.path("family").asText().equals("sharded"), r.path("id") + ": one GPU");
            }
        }
    }
}
