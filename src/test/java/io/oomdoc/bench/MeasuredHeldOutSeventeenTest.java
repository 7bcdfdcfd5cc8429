package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;


/**
 * The seventeenth held-out set of measured peaks (measured_heldout17.json, made by make_measured_heldout17.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, no page or key is shared with an earlier set, and it leans to fine-tuning as issue 14 asks.
 */
class MeasuredHeldOutSeventeenTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutSeventeenTest() { super("heldout17"); }
}
