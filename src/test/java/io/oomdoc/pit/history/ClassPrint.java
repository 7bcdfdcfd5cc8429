package io.oomdoc.pit.history;

/** A mutated class's code hash and the hash of the test classes covering it, as one run saw them. */
record ClassPrint(String code, String tests) {}
