package io.oomdoc.cli;

import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.ReportLayout;
import io.oomdoc.protocol.ReportText;
import io.oomdoc.util.MessageTable;

import java.util.Locale;

/** Renders a Report as text (terminal) or markdown (/save). The report is computed elsewhere; this only shows it. */
public final class ReportView {
    /** The report's own sentences: the headline's words sit beside the sections' (jshell's l10n way). */
    private static final MessageTable TEXT = ReportText.TABLE;

    private ReportView() {}

    public static String text(Report r, Style st) { return text(r, st, Wrap.DEFAULT_WIDTH); }

    /** The report for a terminal: two lines first (the cause in plain words, the first fix), then the ten sections. */
    public static String text(Report r, Style st, int width) { return text(r, st, width, null); }

    /**
     * The report with what the conversation adds to it ({@code lead}: what the knowledge says about the user's own
     * words) between the two first lines and the sections: the answer still opens with the cause and the first fix.
     */
    public static String text(Report r, Style st, int width, String lead) {
        StringBuilder sb = new StringBuilder();
        sb.append(st.bold(Wrap.text(headline(r), width))).append("\n\n");
        if (lead != null && !lead.isBlank()) sb.append(Wrap.text(lead, width)).append("\n\n");
        sb.append(ReportLayout.render(ReportLayout.all(r.sections()), new Terminal(st, width)));
        sb.append(st.dim(TEXT.get("terminal.footer", r.category(), r.phase(), String.join(", ", r.kb()))))
                .append('\n');
        if (r.question() != null) sb.append('\n').append(st.yellow("? " + r.question())).append('\n');
        return sb.toString();
    }

    static String headline(Report r) {
        String cause = switch (r.issueType()) {
            case "not_oom" -> TEXT.get("headline.not_oom");
            case "host_ram_oom" -> TEXT.get("headline.host_ram_oom");
            default -> TEXT.get("headline.cause", plainCause(r.category()),
                    Math.round(r.hypotheses().isEmpty() ? 0 : 100 * r.hypotheses().get(0).confidence()));
        };
        String fix = r.fixes().isEmpty() ? TEXT.get("headline.no_fix")
                : TEXT.get("headline.fix", r.fixes().get(0).title());
        return cause + "\n" + fix;
    }

    /** The category in words (its label), not its JSON id; an id this build does not know is shown as it is. */
    private static String plainCause(String category) {
        try {
            return Category.valueOf(category.toUpperCase(Locale.ROOT)).label();
        } catch (IllegalArgumentException e) {
            return category.replace('_', ' ');
        }
    }

    public static String markdown(Report r) {
        return TEXT.get("markdown.title") + "\n\n" + ReportLayout.render(ReportLayout.all(r.sections()), MARKDOWN)
                + TEXT.get("markdown.footer", r.category(), r.phase(), r.framework(), String.join(", ", r.kb())) + "\n";
    }

    /** The terminal: coloured headings, paragraphs wrapped to the width, "(none)" for an empty section. */
    private record Terminal(Style st, int width) implements ReportLayout.Format {
        @Override public String heading(ReportLayout.Section s) {
            return st.heading("## " + s.title("terminal")) + "\n";
        }

        @Override public String paragraph(String body) {
            String wrapped = Wrap.text(body, width);
            return (wrapped == null || wrapped.isBlank() ? "(none)" : wrapped) + "\n\n";
        }

        @Override public String item(String item) { return "- " + Wrap.text(item, width - 2) + "\n"; }

        @Override public String noItems() { return "(none)\n"; }
    }

    /** /save's markdown: the text as it is, the fix ladder in a code block. */
    private static final ReportLayout.Format MARKDOWN = new ReportLayout.Format() {
        @Override public String heading(ReportLayout.Section s) { return "## " + s.title("markdown") + "\n\n"; }

        @Override public String paragraph(String body) { return body + "\n\n"; }

        @Override public String code(String body) { return "```\n" + body + "\n```\n\n"; }

        @Override public String item(String item) { return "- " + item + "\n"; }
    };
}
