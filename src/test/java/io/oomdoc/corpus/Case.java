package io.oomdoc.corpus;

import java.util.List;
import java.util.Map;

/** One labeled real report of the corpus (src/test/resources/corpus/SCHEMA.md). */
public record Case(String id, String source, String group, String framework, String paste, String context,
                   String category, List<String> alternatives, String issueType, String phase, List<String> kb,
                   Map<String, Long> numbers, String file) {

    /** What a user pipes into `oomdoc diagnose -` when they also describe the problem. */
    public String withDescription() {
        return context == null || context.isBlank() ? paste : context + "\n\n" + paste;
    }

    public boolean accepts(String category) {
        return this.category.equals(category) || alternatives.contains(category);
    }
}
