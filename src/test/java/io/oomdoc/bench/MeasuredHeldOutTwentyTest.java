package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The twentieth held-out set of measured peaks (measured_heldout20.json, made by make_measured_heldout20.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, no page or key is shared with an earlier set, and it leans to fine-tuning as issue 14 asks. Its pages read
 * memory with four different counters, and a figure read off a chart must say so.
 */
class MeasuredHeldOutTwentyTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutTwentyTest() { super("heldout20"); }

    @Test
    void aFigureReadOffAChartSaysSo() throws IOException {
        // kvpress only plots its peaks: a value read off a marker carries a reading error the bench must not mistake
        // for a printed number
        for (JsonNode r : records(set())) {
            if (r.path("source").asText().endsWith("speed_and_memory.ipynb")) {
                assertTrue(r.path("measured_how").asText().contains("read off a chart"), r.path("id").asText());
            }
        }
    }

    @Test
    void aReservedPeakIsNeverFiledAsAllocated() throws IOException {
        // Unsloth-style cells print torch.cuda.max_memory_reserved(): a record that calls it allocated would be scored
        // against the wrong counter
        for (JsonNode r : records(set())) {
            String how = r.path("measured_how").asText();
            if (r.path("measured_as").asText().contains("Peak reserved memory")) {
                assertTrue(how.startsWith("reading") && how.contains("max_memory_reserved"), r.path("id") + ": " + how);
            }
        }
    }
}
