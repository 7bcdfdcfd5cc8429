package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The twelfth held-out set of measured peaks (measured_heldout12.json, made by make_measured_heldout12.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, and no page or key is shared with an earlier set.
 */
class MeasuredHeldOutTwelveTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutTwelveTest() { super("heldout12"); }

    @Test
    void aMixtureOfExpertsShapeCountsItsExperts() throws IOException {
        // half of this set's inference rows are MoE models (gpt-oss, Skywork-MoE, Yuan2.0-M32, huozi): their weights
        // are the total of all experts, so a shape that does not say how many experts there are reads as dense
        for (JsonNode r : records(set())) {
            JsonNode arch = r.path("arch");
            if (arch.has("experts_total")) {
                assertTrue(arch.path("experts_active").asInt() > 0
                        && arch.path("experts_active").asInt() < arch.path("experts_total").asInt(), r.path("id")
                        + ": experts");
            }
        }
    }

    @Test
    void anOutOfMemoryRecordSaysWhatDiffersFromTheRunThatFit() throws IOException {
        // EasyContext's OOM at 700K is the same setup as its 700K throughput row on another PyTorch: the record must
        // say so, or it reads as a setup that can never fit
        for (JsonNode r : records(set())) {
            if (r.path("outcome").asText().equals("oom")) {
                assertFalse(r.path("notes").asText().isBlank(), r.path("id") + ": notes");
                assertTrue(r.path("notes").asText().contains("fits"), r.path("id") + ": what fits instead");
            }
        }
    }
}
