package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The twenty-second held-out set of measured peaks (measured_heldout22.json, made by make_measured_heldout22.py,
 * written blind in session 32 by a helper who neither read the engine nor ran the bench on it) keeps the form of
 * every blind measured set: pinned GitHub pages, no page or key shared with an earlier set, and three records in five
 * fine-tuning, as issue 14 asks. It holds 43 records from 10 repositories but no 16-bit LoRA record (its writer found
 * none on a page not cited before), so it requires the four families it delivers; raise both when records are added.
 */
class MeasuredHeldOutTwentyTwoTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutTwentyTwoTest() { super("heldout22"); }

    @Override
    int minimumRecords() { return 43; }

    @Override
    @Test
    void everyFamilyIsPresent() throws IOException {
        // the lora family is missing (see the class comment): every other family must be there
        Set<String> seen = new TreeSet<>();
        for (JsonNode r : records(set())) seen.add(r.path("family").asText());
        assertEquals(new TreeSet<>(Set.of("full", "inference", "qlora", "sharded")), seen);
    }
}
