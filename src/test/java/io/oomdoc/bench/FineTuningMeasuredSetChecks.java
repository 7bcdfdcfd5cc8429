package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks of the blind measured sets written since the fourteenth, which issue 14 asked to lean to fine-tuning:
 * besides the pinned pages, at least three records in five are fine-tuning, and a record without a measured figure
 * is an outcome (a fit or an OOM) on a named card.
 */
abstract class FineTuningMeasuredSetChecks extends PinnedMeasuredSetChecks {
    FineTuningMeasuredSetChecks(String name) { super(name); }

    @Test
    void atLeastThreeRecordsInFiveAreFineTuning() throws IOException {
        // issue 14 is about fine-tuning budgets (LoRA, QLoRA, full, sharded over N GPUs): serving is the minority
        List<JsonNode> all = records(set());
        long tuning = all.stream().filter(r -> !r.path("family").asText().equals("inference")).count();
        assertTrue(tuning * 5 >= all.size() * 3, tuning + " of " + all.size());
    }

    @Test
    void anOutcomeWithoutAFigureNamesTheCardItRanOrFailedOn() throws IOException {
        // fits or OOMs a page states without a reading ("results in CUDA OOM" on one V100, a table cell "OOM", an
        // inference fit whose page prints only the memory after loading): without the card such a record says
        // nothing the bench can score
        for (JsonNode r : records(set())) {
            if (r.path("measured_bytes").isNull()) {
                assertFalse(r.path("gpu").asText().isBlank(), r.path("id") + ": card");
                assertTrue(r.path("measured_how").asText().startsWith("outcome"), r.path("id") + ": how");
            }
        }
    }

    @Test
    void aRunOnOneCardIsNeverCalledSharded() throws IOException {
        // single-card runs sit beside multi-GPU ones in these sets: a one-card run is never scored as a per-rank share
        for (JsonNode r : records(set())) {
            if (r.path("gpus").asInt() == 1) {
                assertFalse(r.path("family").asText().equals("sharded"), r.path("id") + ": one GPU");
            }
        }
    }
}
