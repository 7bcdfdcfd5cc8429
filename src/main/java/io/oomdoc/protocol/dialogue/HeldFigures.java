package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An explanation or a follow-up about the failure held ends with that failure's own figures when it cites none:
 * "where is the rest of the 7.79 GiB?" is answered in general words and then tied to this trace's free, allocated
 * and outside-the-allocator amounts. Whichever of the two labels the turn gets, the answer carries both.
 */
final class HeldFigures {
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:\\.\\d+)? [KMGT]i?B");

    private HeldFigures() {}

    static Answer tie(Answer a, Report held) {
        if (held == null || a.text() == null || a.text().isBlank()) return a;
        String summary = held.sections().memoryStateSummary();
        if (summary == null) return a;
        String line = summary.lines().findFirst().orElse("").replaceAll("\\s*Facts from the conversation:.*$", "");
        Matcher m = FIGURE.matcher(line);
        boolean any = false;
        while (m.find()) {
            any = true;
            if (a.text().contains(m.group())) return a;
        }
        if (!any || a.text().lines().count() >= Answer.MAX_LINES) return a;
        return new Answer(a.intent(), a.text() + "\n" + Messages.get("held.figures", line), a.report(), a.facts());
    }
}
