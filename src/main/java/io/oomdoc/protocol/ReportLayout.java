package io.oomdoc.protocol;

import io.oomdoc.util.MessageTable;

import java.util.List;

/**
 * The report's sections in their one order, with their titles (report/messages.properties section.*), and the one
 * loop that renders them. The terminal view, /save's markdown and the LLM answer's appended assessment differ only
 * in their {@link Format}: a section added here appears in all three.
 */
public final class ReportLayout {
    private static final MessageTable TEXT = ReportText.TABLE;

    /** A paragraph, the fix ladder (code the reader copies), or a bulleted list. */
    public enum Kind { TEXT, CODE, LIST }

    /** One section: its key (section.KEY is its title) and its paragraph or its items. */
    public record Section(String key, Kind kind, String body, List<String> items) {
        /** The title a view asks for: section.KEY.VARIANT where the view has its own, else section.KEY. */
        public String title(String variant) {
            String own = "section." + key + "." + variant;
            return TEXT.has(own) ? TEXT.get(own) : TEXT.get("section." + key);
        }
    }

    /** How one view writes a heading, a paragraph, the fix ladder and a list; the layout decides what comes when. */
    public interface Format {
        String heading(Section s);

        String paragraph(String body);

        /** The fix ladder; a view that shows code as prose writes it as a paragraph. */
        default String code(String body) { return paragraph(body); }

        String item(String item);

        /** What an empty list shows. */
        default String noItems() { return ""; }

        /** What closes a list. */
        default String endList() { return "\n"; }
    }

    private ReportLayout() {}

    /** The ten sections in the order DESIGN.md gives them. */
    public static List<Section> all(Report.Sections s) {
        return List.of(text("memory", s.memoryStateSummary()), text("issue", s.issueType()),
                text("root", s.rootCause()), new Section("fix", Kind.CODE, s.fix(), List.of()),
                text("verification", s.verification()), text("prevention", s.prevention()),
                text("confidence", s.confidenceAssessment()), text("risk", s.riskAssessment()),
                list("gaps", s.informationGaps()), list("caveats", s.caveats()));
    }

    /** The four sections oomdoc computes whatever else answers: a language model's answer always ends with these. */
    public static List<Section> assessment(Report.Sections s) {
        List<String> computed = List.of("confidence", "risk", "gaps", "caveats");
        return all(s).stream().filter(x -> computed.contains(x.key())).toList();
    }

    public static String render(List<Section> sections, Format f) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            sb.append(f.heading(s));
            switch (s.kind()) {
                case TEXT -> sb.append(f.paragraph(s.body()));
                case CODE -> sb.append(f.code(s.body()));
                case LIST -> {
                    if (s.items().isEmpty()) sb.append(f.noItems());
                    s.items().forEach(i -> sb.append(f.item(i)));
                    sb.append(f.endList());
                }
            }
        }
        return sb.toString();
    }

    private static Section text(String key, String body) { return new Section(key, Kind.TEXT, body, List.of()); }

    private static Section list(String key, List<String> items) { return new Section(key, Kind.LIST, null, items); }
}
