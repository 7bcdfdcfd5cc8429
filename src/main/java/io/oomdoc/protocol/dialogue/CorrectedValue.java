package io.oomdoc.protocol.dialogue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "The context window per user is 8192 tokens, not 4096", "it's the 64 GB AGX Orin, not the 32 GB one": a correction
 * that names the value it replaces. A question asked with the old value is the same question with the new one, so
 * its answer can be computed again rather than left standing on a figure the user has just withdrawn.
 */
record CorrectedValue(String now, String was) {
    /** The value said, then "not" and the value it replaces, with no other number between them. */
    private static final Pattern SAID_NOT_WAS = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)(?:(?!\\d)[^.?!\\n])"
            + "{0,40}?\\bnot\\s+(?:the\\s+|a\\s+|an\\s+)?(\\d+(?:\\.\\d+)?)(?![\\w.]|\\.\\d)");

    /** The value said and the one it replaces, or empty when the turn names no replaced value. */
    static Optional<CorrectedValue> of(String text) {
        Matcher m = SAID_NOT_WAS.matcher(text);
        if (!m.find() || m.group(1).equals(m.group(2))) return Optional.empty();
        return Optional.of(new CorrectedValue(m.group(1), m.group(2)));
    }

    /** The question with the replaced value changed to the new one, or null when it does not say that value. */
    String in(String question) {
        Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(was) + "(?!\\w|\\.\\d)").matcher(question);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(now)) : null;
    }
}
