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

    /** The shortest spelling that names a setting on its own, whatever the stack. */
    private static final int MIN_SPELLING = 4;

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
        // "tiled VAE decoding" in a ComfyUI session: the application's own row, not the library "VAE" names alone
        String app = AppFirst.lead(question, KnowledgeAnswers.namedStacks(question), conversationStacks);
        if (app != null) {
            for (KnobCatalog.Stack st : catalog.stacks()) {
                if (st.impliedBy().contains(app)) inQuestion.add(st.id());
                else if (inQuestion.remove(st.id())) inConversation.add(st.id());
            }
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

    /**
     * The row first, then what the answer had to say, within the line bound; the body alone when no knob is asked.
     * "Which other flags cut memory" lists the stack's settings instead of one row, and a knob the user says they
     * already tried gives way to the stack's other settings: its own row is what did not help.
     */
    static String lead(String question, List<String> conversationStacks, String body) {
        return lead(question, conversationStacks, body, true);
    }

    /**
     * {@code asked}: the turn is a question about settings. A new failure told in words is not: "still OOM" there
     * describes the run, not a knob that was tried, so only a row the words name opens its lead.
     */
    static String lead(String question, List<String> conversationStacks, String body, boolean asked) {
        var knob = find(question, conversationStacks);
        String row;
        boolean named = knob.isPresent() && longest(Topics.normal(question), knob.get().names()) > 0;
        if (named && TRIED.matcher(question).find()) {
            // told as a failure or asked as a question, a knob the user already tried is what did not help
            row = others(knob.get().stack(), question);
        } else if (!asked) {
            if (knob.isEmpty()) return body;
            row = row(knob.get());
        } else if (!named && LISTING.matcher(question).find() || knob.isEmpty()) {
            String stack = listedStack(question, conversationStacks);
            if (stack == null || !LISTING.matcher(question).find()) return body;
            row = others(stack, question);
        } else {
            row = row(knob.get());
        }
        if (row == null) return body;
        if (body == null || body.isBlank()) return row;
        List<String> lines = new ArrayList<>(row.lines().toList());
        for (String l : withoutRepeats(lines, body.lines().toList())) {
            if (lines.size() >= Answer.MAX_LINES) break; // the row keeps its place at the top
            lines.add(l);
        }
        return String.join("\n", lines);
    }

    /**
     * For an explanation: a setting the question only describes by its effect words ("why does training the text
     * encoder cost that much" finds model offload by "text encoder") is a side remark, so the explanation asked for
     * comes first and the row follows within the line bound. A setting spelled out by name, one the user tried, a
     * request for the stack's list, or an effect of a stack the question itself names ("jax seems to reserve all the
     * gpu memory at import": the question is about that behaviour, which the row explains) still leads, as in
     * {@link #lead}.
     */
    static String trail(String question, List<String> conversationStacks, String body) {
        var knob = find(question, conversationStacks);
        if (knob.isEmpty() || body == null || body.isBlank() || longest(Topics.normal(question), knob.get().names()) > 0
                || TRIED.matcher(question).find() || LISTING.matcher(question).find()
                || KnobCatalog.bundled().stack(knob.get().stack()).words().matcher(question).find()) {
            return lead(question, conversationStacks, body);
        }
        List<String> lines = new ArrayList<>(body.lines().toList());
        for (String l : row(knob.get()).lines().toList()) {
            if (lines.size() >= Answer.MAX_LINES) break;
            lines.add(l);
        }
        return String.join("\n", lines);
    }

    /**
     * The body less the snippets the row already shows: a how-to snippet for the same setting as the knob's syntax
     * ("Trainer(accumulate_grad_batches=8)") would print it twice. A snippet goes whole, with its head, and only when
     * every code line of it is in the row: one shared line ("with torch.inference_mode():") leaves it as it is.
     */
    static List<String> withoutRepeats(List<String> row, List<String> body) {
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (String l : row) if (code(l)) shown.add(l.strip());
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < body.size()) {
            int end = i + 1;
            while (end < body.size() && code(body.get(end))) end++;
            List<String> block = body.subList(i, end);
            boolean repeated = end > i + 1 && !code(block.get(0))
                    && block.subList(1, block.size()).stream().allMatch(l -> shown.contains(l.strip()));
            if (!repeated) out.addAll(block);
            i = end;
        }
        return out;
    }

    /** An indented line: code under a head, not prose. */
    private static boolean code(String line) { return line.startsWith(" ") && !line.isBlank(); }

    /** "which other sglang flags", "what settings reduce it": the stack's settings asked for as a list. */
    static final java.util.regex.Pattern LISTING = java.util.regex.Pattern.compile("(?i)\\b(?:which|what|any)"
            + "(?: other| else| more)?(?: [\\w.-]+)? (?:flags|settings|options|parameters|params|knobs|arguments"
            + "|args|env vars|environment variables)\\b"
            + "|\\bother(?: [\\w.-]+)? (?:flags|settings|options|parameters|knobs)\\b");
    /**
     * "I also tried --chunked-prefill-size, it did not resolve it": the knob named is what did not help. "the author
     * says he already added it" is a maintainer's change, not one the user tried (ComfyUI-DiffusersImageOutpaint#6).
     */
    private static final java.util.regex.Pattern TRIED = java.util.regex.Pattern.compile("(?i)(?<!\\b(?:he|she|they)"
            + " )\\b(?:already|also)"
            + " (?:tried|set|use|using|added|lowered|reduced|pass|passed)|\\btried (?:adding|setting|lowering|using"
            + "|reducing|passing)|did(?:n'?t| not) (?:help|resolve|fix|work|change)|no (?:effect|difference)"
            + "|(?:does|do)(?:n'?t| not) (?:help|work)|still (?:oom|fails|runs out|out of memory)");

    /** The stack a list is asked for: named in the question, else the first of the conversation's with rows. */
    private static String listedStack(String question, List<String> conversationStacks) {
        KnobCatalog catalog = KnobCatalog.bundled();
        for (KnobCatalog.Stack st : catalog.stacks()) if (st.words().matcher(question).find()) return st.id();
        for (String id : conversationStacks) {
            for (KnobCatalog.Stack st : catalog.stacks()) if (st.impliedBy().contains(id)) return st.id();
        }
        return null;
    }

    /** The stack's memory settings by name, leaving out those the question names (they are what was tried). */
    private static String others(String stack, String question) {
        String text = Topics.normal(question);
        List<String> names = KnobCatalog.bundled().knobs().stream().filter(k -> k.stack().equals(stack))
                .filter(k -> longest(text, k.names()) == 0).map(KnobCatalog.Knob::name).toList();
        if (names.isEmpty()) return null;
        return Messages.get("knob.others", KnobCatalog.bundled().stack(stack).label(), String.join(", ", names));
    }

    /**
     * "what if I use enable_sequential_cpu_offload instead?": what the one setting the turn spells out does to memory,
     * from its catalog row; null when the turn spells out none.
     */
    static String namedEffect(String question) {
        var k = find(question, List.of());
        // "r=64", "-c 4096": a spelling of a letter or two names a setting only where its stack is known
        if (k.isEmpty() || longest(Topics.normal(question), k.get().names()) < MIN_SPELLING) return null;
        return Messages.get("knob.effect", KnobCatalog.bundled().stack(k.get().stack()).label(), k.get().name(),
                k.get().effect(), k.get().source());
    }

    /** A catalog row as the user reads it: stack, knob, default, effect, when to change it, syntax, source. */
    static String row(KnobCatalog.Knob k) {
        String label = KnobCatalog.bundled().stack(k.stack()).label();
        return Messages.get("knob.row", label, k.name(), k.byDefault(), k.effect(), k.when(), k.source()) + "\n"
                + "    " + k.syntax().strip().replace("\n", "\n    ");
    }

    /**
     * Whether the knob the question names is already spelled out in the body while the conversation is about other
     * stacks than the knob's own.
     */
    static boolean shownForAnother(String question, String body, List<String> conversationStacks) {
        var knob = find(question, conversationStacks);
        if (knob.isEmpty() || body == null || longest(Topics.normal(body), knob.get().names()) == 0) return false;
        KnobCatalog.Stack own = KnobCatalog.bundled().stack(knob.get().stack());
        if (own.words().matcher(question).find()) return false;
        boolean other = KnobCatalog.bundled().stacks().stream().anyMatch(st -> st.words().matcher(question).find());
        return other || !conversationStacks.isEmpty()
                && own.impliedBy().stream().noneMatch(conversationStacks::contains);
    }

    /**
     * The row of the named stack's own setting that the question asks about by name or by effect ("gradient
     * checkpointing for mlx_lm.lora"), even where another stack's knob is spelled the same way.
     */
    static Optional<KnobCatalog.Knob> ofStack(String question, String stack) {
        String text = Topics.normal(question);
        KnobCatalog.Knob best = null;
        int bestScore = 0;
        for (KnobCatalog.Knob k : KnobCatalog.bundled().knobs()) {
            if (!k.stack().equals(stack)) continue;
            int score = BY_NAME * longest(text, k.names()) + said(text, k.asks());
            if (score > bestScore) { best = k; bestScore = score; }
        }
        return Optional.ofNullable(best);
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
