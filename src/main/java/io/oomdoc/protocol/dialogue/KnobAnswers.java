package io.oomdoc.protocol.dialogue;

import io.oomdoc.knowledge.KnobCatalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog row of the one setting a turn asks about, shown before the rest of an explanation, how-to or follow-up:
 * "how do I stop vLLM from taking the whole card" is answered by gpu_memory_utilization's row first.
 */
final class KnobAnswers {
    /** A knob's own spelling names it whatever else is said; ranks above any match on effect words. */
    private static final int BY_NAME = 1000;
    /** The stack the question itself names outranks one the conversation named earlier. */
    private static final int STACK_IN_QUESTION = 200;
    private static final int STACK_IN_CONVERSATION = 100;
    /** The answers' line bound (issue 13: a short answer is at most 12 lines); the row keeps its place at the top. */
    private static final int MAX_LINES = 12;

    private KnobAnswers() {}

    /**
     * The knob the question asks about: one it spells out (the stack decides between rows of the same name), else one
     * whose effect it describes for a stack the question or the conversation names.
     */
    static Optional<KnobCatalog.Knob> find(String question, List<String> conversationStacks) {
        KnobCatalog catalog = KnobCatalog.bundled();
        String text = Topics.normal(question);
        Set<String> inQuestion = new HashSet<>();
        Set<String> inConversation = new HashSet<>();
        for (KnobCatalog.Stack st : catalog.stacks()) {
            if (st.words().matcher(question).find()) inQuestion.add(st.id());
            if (st.impliedBy().stream().anyMatch(conversationStacks::contains)) inConversation.add(st.id());
        }
        KnobCatalog.Knob best = null;
        int bestScore = 0;
        for (KnobCatalog.Knob k : catalog.knobs()) {
            int stack = inQuestion.contains(k.stack()) ? STACK_IN_QUESTION
                    : inConversation.contains(k.stack()) ? STACK_IN_CONVERSATION : 0;
            int named = longest(text, k.names());
            int score = named > 0 ? BY_NAME + stack + named : stack > 0 ? stack / 2 + said(text, k.asks()) : 0;
            if (named == 0 && (stack == 0 || said(text, k.asks()) == 0)) score = 0;
            if (score > bestScore) { best = k; bestScore = score; }
        }
        return Optional.ofNullable(best);
    }

    /** The row first, then what the answer had to say, within the line bound; the body alone when no knob is asked. */
    static String lead(String question, List<String> conversationStacks, String body) {
        var knob = find(question, conversationStacks);
        if (knob.isEmpty()) return body;
        String row = row(knob.get());
        if (body == null || body.isBlank()) return row;
        List<String> lines = new ArrayList<>(row.lines().toList());
        for (String l : body.lines().toList()) {
            if (lines.size() >= MAX_LINES) break;
            lines.add(l);
        }
        return String.join("\n", lines);
    }

    /** A catalog row as the user reads it: the stack, the knob, its default, its effect, when, the syntax, the source. */
    static String row(KnobCatalog.Knob k) {
        String label = KnobCatalog.bundled().stack(k.stack()).label();
        return Messages.get("knob.row", label, k.name(), k.byDefault(), k.effect(), k.when(), k.source()) + "\n"
                + "    " + k.syntax().strip().replace("\n", "\n    ");
    }

    /** The length of the longest spelling found as whole words, 0 when none is. */
    private static int longest(String text, List<String> spellings) {
        int best = 0;
        for (String s : spellings) {
            String key = Topics.normal(s);
            if (Topics.containsWord(text, key)) best = Math.max(best, key.length());
        }
        return best;
    }

    /** Every effect phrase found, by total length: two phrases about the same knob beat one. */
    private static int said(String text, List<String> phrases) {
        int total = 0;
        for (String p : phrases) {
            String key = Topics.normal(p);
            if (Topics.containsWord(text, key)) total += key.length();
        }
        return total;
    }
}
