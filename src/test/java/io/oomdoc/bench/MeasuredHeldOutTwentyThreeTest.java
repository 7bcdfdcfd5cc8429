package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The twenty-third held-out set of measured peaks (measured_heldout23.json, made by make_measured_heldout23.py,
 * written blind in session 33 by a helper who neither read the engine nor ran the bench on it) keeps the form of
 * every blind measured set: pinned GitHub pages, no page or key shared with an earlier set, and three records in five
 * fine-tuning, as issue 14 asks. It is short (14 records from 5 pages, all five families; see the generator's
 * docstring), so it requires what it delivers; raise the count when records are added.
 */
class MeasuredHeldOutTwentyThreeTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutTwentyThreeTest() { super("heldout23"); }

    @Override
    int minimumRecords() { return 14; }

    @Override
    @Test
    void everyFamilyIsPresent() throws IOException {
        // all five, the sharded family among them (ZeRO-3 over 4 GPUs, FSDP over 16)
        Set<String> seen = new TreeSet<>();
        for (JsonNode r : records(set())) seen.add(r.path("family").asText());
        assertEquals(new TreeSet<>(Set.of("full", "inference", "lora", "qlora", "sharded")), seen);
    }
}
