package io.oomdoc.bench;

/**
 * The fifth held-out set of measured peaks (measured_heldout5.json, made by make_measured_heldout5.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set.
 */
class MeasuredHeldOutFiveTest extends MeasuredSetFormChecks {
    MeasuredHeldOutFiveTest() { super("heldout5"); }
}
