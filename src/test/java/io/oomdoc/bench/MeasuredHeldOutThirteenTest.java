package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thirteenth held-out set of measured peaks (measured_heldout13.json, made by make_measured_heldout13.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, and no page or key is shared with an earlier set.
 */
class MeasuredHeldOutThirteenTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutThirteenTest() { super("heldout13"); }

    @Test
    void aFitWithoutAFigureNamesTheCardItRanOn() throws IOException {
        // 17 of this set's records are fits a page states without a reading ("runs on one RTX3090"): without the
        // card such a record says nothing the bench can score
        for (JsonNode r : records(set())) {
            if (r.path("measured_bytes").isNull()) {
                assertFalse(r.path("gpu").asText().isBlank(), r.path("id") + ": card");
                assertTrue(r.path("measured_how").asText().startsWith("outcome"), r.path("id") + ": how");
            }
        }
    }

    @Test
    void aVllmRecordKeepsTheShareOfTheCardItReserved() throws IOException {
        // vLLM reserves gpu_memory_utilization of the card whatever the model needs (the 4090 post's AWQ and GPTQ
        // runs read the same 22.7 GB as fp16): a vLLM figure without that share reads as the model's own peak
        for (JsonNode r : records(set())) {
            if (r.path("serving_engine").asText().startsWith("vLLM")) {
                double share = r.path("gpu_memory_utilization").asDouble();
                assertTrue(share > 0 && share <= 1, r.path("id") + ": gpu_memory_utilization");
            }
        }
    }
}
