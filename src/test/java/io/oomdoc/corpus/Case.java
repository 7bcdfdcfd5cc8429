package io.oomdoc.corpus;

import java.util.List;
import java.util.Map;

/** One labeled real report of the corpus (src/test/resources/corpus/SCHEMA.md). */
public record Case(String id, String source, String group, String framework, String paste, String context,
                   String category, List<String> alternatives, String issueType, String phase, List<String> kb,
                   Map<String, Long> numbers, String file, List<String> phaseAlternatives) {

    /** A case with no accepted phase besides its label (most of the corpus, and every hand-made case in tests). */
    public Case(String id, String source, String group, String framework, String paste, String context,
                String category, List<String> alternatives, String issueType, String phase, List<String> kb,
                Map<String, Long> numbers, String file) {
        this(id, source, group, framework, paste, context, category, alternatives, issueType, phase, kb, numbers, file,
                List.of());
    }

    /** What a user pipes into `oomdoc diagnose -` when they also describe the problem. */
    public String withDescription() {
        return context == null || context.isBlank() ? paste : context + "\n\n" + paste;
    }

    public boolean accepts(String category) {
        return this.category.equals(category) || alternatives.contains(category);
    }

    /**
     * The label, or an older reading the label audit kept (bench/diag33_phases.md): where an old label contradicted
     * docs/phases.md the definition's value became the label and the old one stays accepted, as for categories.
     */
    public boolean acceptsPhase(String phase) {
        return this.phase.equals(phase) || phaseAlternatives.contains(phase);
    }
}
