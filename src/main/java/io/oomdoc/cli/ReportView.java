package io.oomdoc.cli;

import io.oomdoc.protocol.Report;

import java.util.List;
import java.util.Locale;

/** Renders a Report as text (terminal) or markdown (/save). The report is computed elsewhere; this only shows it. */
public final class ReportView {
    private ReportView() {}

    public static String text(Report r, Style st) {
        StringBuilder sb = new StringBuilder();
        Report.Sections s = r.sections();
        section(sb, st, "Memory State Summary", s.memoryStateSummary());
        section(sb, st, "Issue Type", s.issueType());
        section(sb, st, "Root Cause", s.rootCause());
        section(sb, st, "Fix (cheapest rung first)", s.fix());
        section(sb, st, "Verification", s.verification());
        section(sb, st, "Prevention", s.prevention());
        section(sb, st, "Confidence Assessment", s.confidenceAssessment());
        section(sb, st, "Risk Assessment", s.riskAssessment());
        list(sb, st, "Information Gaps", s.informationGaps());
        list(sb, st, "Caveats", s.caveats());
        sb.append(st.dim("category " + r.category() + " · phase " + r.phase() + " · kb " + String.join(", ", r.kb()))).append('\n');
        if (r.question() != null) sb.append('\n').append(st.yellow("? " + r.question())).append('\n');
        return sb.toString();
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
        sb.append(String.format(Locale.ROOT, "%n_category %s, phase %s, framework %s, knowledge %s_%n", r.category(), r.phase(), r.framework(), String.join(", ", r.kb())));
        return sb.toString();
    }

    private static void section(StringBuilder sb, Style st, String title, String body) {
        sb.append(st.heading("## " + title)).append('\n').append(body == null || body.isBlank() ? "(none)" : body).append("\n\n");
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
