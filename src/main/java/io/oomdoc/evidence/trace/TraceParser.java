package io.oomdoc.evidence.trace;

import java.util.List;

/**
 * Recognises one family of out-of-memory messages. A parser reads cleaned log text and returns
 * every message of its family it finds; it never throws on text it does not understand.
 */
public interface TraceParser {
    List<TraceFinding> parse(LogText log);
}
