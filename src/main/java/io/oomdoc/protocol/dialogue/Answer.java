package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

/**
 * One turn's answer: the intent understood, the text to show (short answers), or a full report, and the facts after it.
 */
public record Answer(Intent intent, String text, Report report, Facts facts) {
    /** The most lines a short answer takes (issue 13: a follow-up answer is at most 12 lines). */
    public static final int MAX_LINES = 12;

    public static Answer text(Intent intent, String text, Facts facts) { return new Answer(intent, text, null, facts); }
}
