package io.oomdoc.evidence.code;

import io.oomdoc.util.MessageTable;

/** The scanner's user text, by key, from scan/messages.properties (user text stays out of Java). */
public final class ScanText {
    private static final MessageTable TABLE = new MessageTable("scan/messages.properties");

    private ScanText() {}

    public static String get(String key, Object... args) { return TABLE.get(key, args); }
}
