package io.oomdoc.bench;

/**
 * The seventh held-out set of measured peaks (measured_heldout7.json, made by make_measured_heldout7.py, written
 * blind: its author never read the engine) keeps the form of every blind measured set; its GitHub file pages are
 * pinned, and its issue and pull-request threads are named by number.
 */
class MeasuredHeldOutSevenTest extends PinnedMeasuredSetChecks {
    MeasuredHeldOutSevenTest() { super("heldout7"); }
}
