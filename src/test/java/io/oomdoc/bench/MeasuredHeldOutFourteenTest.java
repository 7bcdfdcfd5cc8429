package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fourteenth held-out set of measured peaks (measured_heldout14.json, made by make_measured_heldout14.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, no page or key is shared with an earlier set, and it leans to fine-tuning as issue 14 asks.
 */
class MeasuredHeldOutFourteenTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutFourteenTest() { super("heldout14"); }

    @Test
    void aVllmRecordKeepsTheShareOfTheCardItReserved() throws IOException {
        // vLLM's KV cache fills gpu_memory_utilization of the card whatever the model needs: the H100 figures are that
        // reservation, and without the share they would read as the model's own peak
        for (JsonNode r : records(set())) {
            if (r.path("serving_engine").asText().startsWith("vLLM")) {
                double share = r.path("gpu_memory_utilization").asDouble();
                assertTrue(share > 0 && share <= 1, r.path("id") + ": gpu_memory_utilization");
            }
        }
    }
}
