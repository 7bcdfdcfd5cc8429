package io.oomdoc.budget;

import io.oomdoc.util.MessageTable;

/** The budget's assumption sentences, read from budget/assumptions.properties (user text stays out of Java). */
final class AssumptionText {
    private static final MessageTable TABLE = new MessageTable("budget/assumptions.properties");

    private AssumptionText() { }

    /** The sentence for the key with its placeholders filled; a missing key is a packaging error. */
    static String get(String key, Object... args) { return TABLE.get(key, args); }
}
