package io.oomdoc.cli;

import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.ReportText;
import io.oomdoc.util.MessageTable;

import java.util.List;
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
        Report.Sections s = r.sections();
        sb.append(st.bold(Wrap.text(headline(r), width))).append("\n\n");
        if (lead != null && !lead.isBlank()) sb.append(Wrap.text(lead, width)).append("\n\n");
        section(sb, st, "Memory State Summary", Wrap.text(s.memoryStateSummary(), width));
        section(sb, st, "Issue Type", Wrap.text(s.issueType(), width));
        section(sb, st, "Root Cause", Wrap.text(s.rootCause(), width));
        section(sb, st, "Fix (cheapest rung first)", Wrap.text(s.fix(), width));
        section(sb, st, "Verification", Wrap.text(s.verification(), width));
        section(sb, st, "Prevention", Wrap.text(s.prevention(), width));
        section(sb, st, "Confidence Assessment", Wrap.text(s.confidenceAssessment(), width));
        section(sb, st, "Risk Assessment", Wrap.text(s.riskAssessment(), width));
        list(sb, st, "Information Gaps", s.informationGaps().stream().map(x -> Wrap.text(x, width - 2)).toList());
        list(sb, st, "Caveats", s.caveats().stream().map(x -> Wrap.text(x, width - 2)).toList());
        sb.append(st.dim("category " + r.category() + " · phase " + r.phase() + " · kb " + String.join(", ",
                r.kb()))).append('\n');
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
        StringBuilder sb = new StringBuilder("# oomdoc diagnosis\n\n");
        Report.Sections s = r.sections();
        md(sb, "Memory State Summary", s.memoryStateSummary());
        md(sb, "Issue Type", s.issueType());
        md(sb, "Root Cause", s.rootCause());
        sb.append("## Fix\n\n```\n").append(s.fix()).append("\n```\n\n");
        md(sb, "Verification", s.verification());
        md(sb, "Prevention", s.prevention());
        md(sb, "Confidence Assessment", s.confidenceAssessment());
        md(sb, "Risk Assessment", s.riskAssessment());
        sb.append("## Information Gaps\n\n");
        s.informationGaps().forEach(g -> sb.append("- ").append(g).append('\n'));
        sb.append("\n## Caveats\n\n");
        s.caveats().forEach(c -> sb.append("- ").append(c).append('\n'));
        sb.append(String.format(Locale.ROOT, "%n_category %s, phase %s, framework %s, knowledge %s_%n", r.category(),
                r.phase(), r.framework(), String.join(", ", r.kb())));
        return sb.toString();
    }

    private static void section(StringBuilder sb, Style st, String title, String body) {
        sb.append(st.heading("## " + title)).append('\n').append(body == null || body.isBlank() ? "(none)"
                : body).append("\n\n");
    }

    private static void list(StringBuilder sb, Style st, String title, List<String> items) {
        sb.append(st.heading("## " + title)).append('\n');
        if (items.isEmpty()) sb.append("(none)\n");
        for (String i : items) sb.append("- ").append(i).append('\n');
        sb.append('\n');
    }

    private static void md(StringBuilder sb, String title, String body) {
        sb.append("## ").append(title).append("\n\n").append(body).append("\n\n");
    }
}
