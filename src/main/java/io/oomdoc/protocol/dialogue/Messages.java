package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.MessageTable;

/** The conversation's own sentences, by key, from dialogue/messages.properties. */
public final class Messages {
    private static final MessageTable TABLE = new MessageTable("dialogue/messages.properties");

    private Messages() {}

    public static String get(String key, Object... args) { return TABLE.get(key, args); }
}
