package io.oomdoc.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The diagnosis: what the JSON of `diagnose` and `ask` carries (DESIGN.md), and what the text view renders. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(String issueType, String category, String phase, String framework, Map<String, Object> numbers,
                     List<HypothesisView> hypotheses, List<String> kb, List<Fix> fixes, Sections sections,
                     String question, String llmAnswer) {

    /** The same report with the language model's conversational answer attached (LLM mode). */
    public Report withLlmAnswer(String text) {
        return new Report(issueType, category, phase, framework, numbers, hypotheses, kb, fixes, sections, question,
                text);
    }

    public record HypothesisView(String category, double confidence, List<String> kb, List<String> evidence) {}

    public record Fix(String kb, String title, String cost, boolean changesScience, String before, String after) {}

    public record Sections(String memoryStateSummary, String issueType, String rootCause, String fix,
            String verification,
                           String prevention, String confidenceAssessment, String riskAssessment,
                           List<String> informationGaps, List<String> caveats) {}
}
