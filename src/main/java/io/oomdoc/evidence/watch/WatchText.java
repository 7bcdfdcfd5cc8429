package io.oomdoc.evidence.watch;

import io.oomdoc.util.MessageTable;

/** Sentences of `oomdoc run` and its verdicts, by key, from watch/messages.properties. */
public final class WatchText {
    private static final MessageTable TABLE = new MessageTable("watch/messages.properties");

    private WatchText() {}

    public static String get(String key, Object... args) { return TABLE.get(key, args); }
}
