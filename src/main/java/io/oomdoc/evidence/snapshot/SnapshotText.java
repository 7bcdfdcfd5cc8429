package io.oomdoc.evidence.snapshot;

import io.oomdoc.util.MessageTable;

/** Sentences of `oomdoc snapshot`, by key, from snapshot/messages.properties. */
final class SnapshotText {
    private static final MessageTable TABLE = new MessageTable("snapshot/messages.properties");

    private SnapshotText() {}

    static String get(String key, Object... args) { return TABLE.get(key, args); }
}
