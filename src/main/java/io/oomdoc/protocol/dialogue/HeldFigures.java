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

    /**
     * "80 GB card, only 21.84 reserved, only 3.85 free. where did the rest go?": the memory the allocator does not
     * account for is the answer, so the trace's outside figure is given even when the answer quotes other figures.
     */
    private static final Pattern THE_REST = Pattern.compile("(?i)\\bwhere (?:did|does|do|is|are|has|have)\\b.{0,30}"
            + "\\b(?:rest|remainder|remaining|missing|others?)\\b"
            + "|\\b(?:what|who) (?:holds|takes|uses|is using|has) the (?:rest|remainder|missing)\\b");
    private static final Pattern OUTSIDE = Pattern.compile("[^;.]*\\d+(?:\\.\\d+)? [KMGT]i?B held outside[^;]*");

    static Answer tie(String question, Answer a, Report held) {
        if (held == null || a.text() == null || a.text().isBlank()) return a;
        String summary = held.sections().memoryStateSummary();
        if (summary == null) return a;
        String line = summary.lines().findFirst().orElse("").replaceAll("\\s*Facts from the conversation:.*$", "");
        Answer tied = tie(a, line);
        Matcher outside = OUTSIDE.matcher(line);
        if (question == null || !THE_REST.matcher(question).find() || !outside.find()) return tied;
        String figure = outside.group().strip().replaceAll("\\.$", "");
        if (tied.text().contains(figure)) return tied;
        return new Answer(a.intent(), a.text() + "\n" + Messages.get("held.outside", figure), a.report(), a.facts());
    }

    static Answer tie(Answer a, Report held) { return tie(null, a, held); }

    private static Answer tie(Answer a, String line) {
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
