package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fifteenth held-out set of measured peaks (measured_heldout15.json, made by make_measured_heldout15.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, no page or key is shared with an earlier set, and it leans to fine-tuning as issue 14 asks.
 */
class MeasuredHeldOutFifteenTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutFifteenTest() { super("heldout15"); }

    @Test
    void atLeastThreeRecordsInFiveAreFineTuning() throws IOException {
        // issue 14 is about fine-tuning budgets (LoRA, QLoRA, full, sharded over N GPUs): serving is the minority
        List<JsonNode> all = records(set());
        long tuning = all.stream().filter(r -> !r.path("family").asText().equals("inference")).count();
        assertTrue(tuning * 5 >= all.size() * 3, tuning + " of " + all.size());
    }

    @Test
    void anOutcomeWithoutAFigureNamesTheCardItRanOrFailedOn() throws IOException {
        // most records here are fits or OOMs a page states without a reading (a table cell "OOM" for a per-GPU batch
        // on H100s): without the card such a record says nothing the bench can score
        for (JsonNode r : records(set())) {
            if (r.path("measured_bytes").isNull()) {
                assertFalse(r.path("gpu").asText().isBlank(), r.path("id") + ": card");
                assertTrue(r.path("measured_how").asText().startsWith("outcome"), r.path("id") + ": how");
            }
        }
    }

    @Test
    void aVllmRecordKeepsTheShareOfTheCardItReserved() throws IOException {
        // vLLM sizes its KV pool from gpu_memory_utilization of the card whatever the model needs: the A100 figures
        // are weights plus that pool, and without the share they would read as the model's own peak
        for (JsonNode r : records(set())) {
            if (r.path("serving_engine").asText().startsWith("vLLM")) {
                double share = r.path("gpu_memory_utilization").asDouble();
                assertTrue(share > 0 && share <= 1, r.path("id") + ": gpu_memory_utilization");
            }
        }
    }
}
