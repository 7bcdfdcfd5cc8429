package io.oomdoc.protocol.dialogue;

import java.util.Locale;

/** What a turn asks for; each has its own kind of answer (see Conversation). */
public enum Intent {
    NEW_FAILURE, FOLLOW_UP, WHAT_IF, HOW_TO, EXPLAIN, CORRECTION, ANSWER, STATEMENT, FIT, SMALL_TALK;

    public String json() { return name().toLowerCase(Locale.ROOT); }
}
