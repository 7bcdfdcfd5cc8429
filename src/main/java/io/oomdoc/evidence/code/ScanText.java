package io.oomdoc.evidence.code;

import io.oomdoc.util.MessageTable;

/** Why the scanner skipped a file, by key, from scan/messages.properties (user text stays out of Java). */
final class ScanText {
    private static final MessageTable TABLE = new MessageTable("scan/messages.properties");

    private ScanText() {}

    static String get(String key, Object... args) { return TABLE.get(key, args); }
}
