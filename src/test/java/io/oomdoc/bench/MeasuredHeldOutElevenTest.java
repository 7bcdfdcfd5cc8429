package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eleventh held-out set of measured peaks (measured_heldout11.json, made by make_measured_heldout11.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, and no page or key is shared with an earlier set.
 */
class MeasuredHeldOutElevenTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutElevenTest() { super("heldout11"); }

    @Test
    void aQuantizedInferenceRecordNamesItsQuantization() throws IOException {
        // most of this set is memory by inference precision: a record that does not say how its weights were stored
        // (bf16, bitsandbytes int8, a llama.cpp block format) cannot be told from its neighbours
        for (JsonNode r : records(set())) {
            if (r.path("family").asText().equals("inference")) {
                assertFalse(r.path("quant").asText().isBlank(), r.path("id") + ": quant");
            }
        }
    }

    @Test
    void aFigureSummedOverSeveralCardsSaysSo() throws IOException {
        // a layer-split reading over two or four cards is printed as one total: the record must say it is a total,
        // or a per-card reader would take it as one card's load
        for (JsonNode r : records(set())) {
            if (r.path("sharding").asText().startsWith("layer split") && !r.path("measured_bytes").isNull()) {
                assertTrue(r.path("notes").asText().contains("total"), r.path("id") + ": total over cards");
            }
        }
    }
}
