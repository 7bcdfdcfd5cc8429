package io.oomdoc.protocol;

import io.oomdoc.util.MessageTable;

/**
 * The report's sentences (report/messages.properties): one table, read once, for the writer, the reasoning rows'
 * evidence, the causes' words and the terminal view.
 */
public final class ReportText {
    public static final MessageTable TABLE = new MessageTable("report/messages.properties");

    private ReportText() {}
}
