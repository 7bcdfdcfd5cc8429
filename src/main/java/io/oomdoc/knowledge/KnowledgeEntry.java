package io.oomdoc.knowledge;

import java.util.List;

/** One knowledge-base entry (M1…M20, U9…U11): front-matter fields plus the markdown body. */
public record KnowledgeEntry(
        String id,
        String title,
        List<String> categories,
        List<String> keywords,
        List<String> symptoms,
        List<String> signals,
        List<Fix> fixes,
        String verification,
        String prevention,
        List<String> related,
        List<String> sources,
        String body,
        String file) {

    /**
     * A rung of the fix ladder as the entry states it. {@code stacks} names where the snippet applies (training,
     * serving, jax, tensorflow); empty means PyTorch training. {@code {name}} placeholders in before/after are
     * filled from the user's own figures (see protocol.FixTemplate).
     */
    public record Fix(String title, String cost, boolean changesScience, String before, String after,
            List<String> stacks) {
        public Fix {
            stacks = stacks == null ? List.of() : List.copyOf(stacks);
        }

        public boolean appliesTo(String stack) {
            return stacks.isEmpty() ? stack.equals("training") : stacks.contains(stack) || stacks.contains("any");
        }
    }
}
