package io.oomdoc.bench;

/**
 * The eighth held-out set of measured peaks (measured_heldout8.json, made by make_measured_heldout8.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, and its issue and pull-request threads are named by number.
 */
class MeasuredHeldOutEightTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutEightTest() { super("heldout8"); }
}
