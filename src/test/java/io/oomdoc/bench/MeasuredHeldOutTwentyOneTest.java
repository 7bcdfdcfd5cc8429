package io.oomdoc.bench;

/**
 * The twenty-first held-out set of measured peaks (measured_heldout21.json, made by make_measured_heldout21.py,
 * written blind in session 31 by two helpers: neither read the engine nor ran the bench on it) keeps the form of every
 * blind measured set: pinned GitHub pages, no page or key shared with an earlier set, and three records in five
 * fine-tuning, as issue 14 asks. It is unfinished (22 records, where issue 14 asks for 40), so its floor is what it
 * holds; raise it when records are added.
 */
class MeasuredHeldOutTwentyOneTest extends FineTuningMeasuredSetChecks {
    MeasuredHeldOutTwentyOneTest() { super("heldout21"); }

    @Override
    int minimumRecords() { return 22; }
}
