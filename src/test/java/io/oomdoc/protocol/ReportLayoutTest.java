package io.oomdoc.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's one section order and the one render loop that the terminal, markdown and LLM views share. */
class ReportLayoutTest {
    private static final Report.Sections SECTIONS = new Report.Sections("summary", "issue", "root", "1. fix",
            "verify", "prevent", "confident", "risky", List.of(), List.of("first caveat", "second caveat"));

    /** Writes the structure of what it is given, so the order and the list handling show in one string. */
    private static final ReportLayout.Format PLAIN = new ReportLayout.Format() {
        @Override public String heading(ReportLayout.Section s) { return "[" + s.title("plain") + "]"; }

        @Override public String paragraph(String body) { return body + "|"; }

        @Override public String code(String body) { return "`" + body + "`|"; }

        @Override public String item(String item) { return "*" + item; }

        @Override public String noItems() { return "(none)"; }
    };

    @Test
    void theTenSectionsComeInTheDesignOrder() {
        assertEquals(List.of("Memory State Summary", "Issue Type", "Root Cause", "Fix", "Verification", "Prevention",
                "Confidence Assessment", "Risk Assessment", "Information Gaps", "Caveats"),
                ReportLayout.all(SECTIONS).stream().map(s -> s.title("plain")).toList());
    }

    @Test
    void aViewWithItsOwnTitleForASectionGetsIt() {
        assertEquals("Fix (cheapest rung first)", ReportLayout.all(SECTIONS).get(3).title("terminal"));
    }

    @Test
    void theAssessmentIsTheFourSectionsOomdocAlwaysComputes() {
        assertEquals("[Confidence Assessment]confident|[Risk Assessment]risky|[Information Gaps](none)\n"
                + "[Caveats]*first caveat*second caveat\n",
                ReportLayout.render(ReportLayout.assessment(SECTIONS), PLAIN));
    }

    @Test
    void theFixLadderIsRenderedAsCode() {
        assertEquals("[Fix]`1. fix`|", ReportLayout.render(List.of(ReportLayout.all(SECTIONS).get(3)), PLAIN));
    }
}
