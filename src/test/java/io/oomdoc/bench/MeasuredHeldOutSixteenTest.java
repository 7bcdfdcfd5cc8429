package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sixteenth held-out set of measured peaks (measured_heldout16.json, made by make_measured_heldout16.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, no page or key is shared with an earlier set, and it leans to fine-tuning as issue 14 asks.
 */
class MeasuredHeldOutSixteenTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutSixteenTest() { super("heldout16"); }

    @Test
    void aShardedOrReplicatedRunOverSeveralCardsKeepsItsStrategyApart() throws IOException {
        // the DDP rows beside the FSDP/ZeRO rows of one matrix: a full replica per GPU is family "full" with
        // sharding "none", so a per-GPU figure is never read as a sharded one
        for (JsonNode r : records(set())) {
            String sh = r.path("sharding").asText();
            if (r.path("gpus").asInt() > 1 && r.path("family").asText().equals("full")) {
                assertTrue(sh.startsWith("none"), r.path("id") + ": " + sh);
            }
        }
    }
}
