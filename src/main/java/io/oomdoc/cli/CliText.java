package io.oomdoc.cli;

import io.oomdoc.util.MessageTable;

/** Sentences the commands print themselves, by key, from cli/messages.properties (help text is usage.properties). */
public final class CliText {
    private static final MessageTable TABLE = new MessageTable("cli/messages.properties");

    private CliText() {}

    public static String get(String key, Object... args) { return TABLE.get(key, args); }
}
