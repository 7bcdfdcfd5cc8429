package io.oomdoc.evidence.trace;

import io.oomdoc.util.MessageTable;

/** The notes the trace reading attaches to what it found, by key, from trace/messages.properties. */
public final class TraceText {
    private static final MessageTable TABLE = new MessageTable("trace/messages.properties");

    private TraceText() {}

    public static String get(String key, Object... args) { return TABLE.get(key, args); }
}
