package io.oomdoc.protocol.dialogue;

import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.knowledge.Passages;
import io.oomdoc.protocol.Report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a question no specific rule handles from the passages of the knowledge base, the glossary and the how-to
 * notes, preferring what the failure held points to. The reply is two sentences and the entry they come from.
 */
final class KnowledgeSearch {
    /** Passages of the entries the held report cites rank this much higher: the question is about that failure. */
    private static final double REPORT_BOOST = 1.4;
    private static final int SENTENCES = 2;
    /** A how-to topic found by words rather than a keyword must match this well: one rare word is not enough. */
    private static final double HOWTO_MIN = 6.0;
    /** A second passage is shown when it scores at least this share of the best one. */
    private static final double SECOND = 0.8;

    private KnowledgeSearch() {}

    /** Built on first use (class-holder idiom): a session that never asks such a question never pays for it. */
    private static final class Knowledge {
        static final Passages ALL = build();

        private static Passages build() {
            List<Passages.Passage> all = new ArrayList<>(Passages.of(KnowledgeBase.bundled()));
            for (Topics.Topic t : Topics.glossary()) all.add(new Passages.Passage(t.kb(), t.name(), about(t),
                    t.texts().get("text")));
            for (Topics.Topic t : Topics.howTo()) {
                if (!t.note().isBlank()) all.add(new Passages.Passage(t.kb(), t.name(), about(t), t.note()));
            }
            for (Topics.Topic t : Topics.notes()) all.add(new Passages.Passage(t.kb(), t.name(),
                    about(t) + " " + t.texts().getOrDefault("stacks", ""), t.texts().get("text")));
            return new Passages(all);
        }

        private static List<Topics.Topic> concat(List<Topics.Topic> a, List<Topics.Topic> b) {
            List<Topics.Topic> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }

        /** Each note's (and engine-specific glossary term's) stacks, by its title. */
        static final java.util.Map<String, Set<String>> NOTE_STACKS = noteStacks();

        private static java.util.Map<String, Set<String>> noteStacks() {
            java.util.Map<String, Set<String>> m = new java.util.HashMap<>();
            // A glossary term about one engine ("vLLM stores the KV cache in blocks") says which, as a note does.
            for (Topics.Topic t : concat(Topics.notes(), Topics.glossary())) {
                String st = t.texts().getOrDefault("stacks", "").strip();
                if (!st.isEmpty()) m.put(t.name(), Set.of(st.split("\\s+")));
            }
            // A how-to note whose snippets are all for engines (nanochat, vLLM) is about those engines too.
            for (Topics.Topic t : Topics.howTo()) {
                Set<String> st = new HashSet<>(t.texts().keySet());
                if (!st.isEmpty() && !st.contains("pytorch") && !st.contains("hf-trainer")) m.putIfAbsent(t.name(), st);
            }
            return m;
        }
    }

    /** The how-to topics as passages: name and keywords, then the note and every snippet. */
    private static final class HowTos {
        static final Passages ALL = new Passages(Topics.howTo().stream().map(t -> new Passages.Passage(t.name(),
                t.name(), about(t), t.note() + " " + String.join(" ", t.texts().values()))).toList());
    }

    private static String about(Topics.Topic t) { return t.name() + " " + String.join(" ", t.keywords()); }

    /**
     * The how-to topic whose name, keywords, note and snippets share the most with a question that names no keyword
     * ("how do I get the trainer to push preds to the cpu as it goes" is eval accumulation).
     */
    static Optional<Topics.Topic> howTo(String question, String stack) {
        // With a stack named, only topics that have its snippet count, and a weaker match will do.
        for (var h : HowTos.ALL.search(question, Set.of(), 1, Topics.howTo().size())) {
            if (h.score() < (stack == null ? HOWTO_MIN : HOWTO_MIN / 2)) break;
            var topic = Topics.howTo().stream().filter(t -> t.name().equals(h.passage().kb())).findFirst();
            if (topic.isPresent() && (stack == null || topic.get().texts().containsKey(stack))) return topic;
        }
        return Optional.empty();
    }

    /** The knowledge's answer to the question, or empty when nothing in it is close. */
    static Optional<String> answer(String question, Report report) {
        return answer(question, report, List.of());
    }

    /**
     * The knowledge's answer to a question asked about a stack ("what does 3/62 mean" with Ollama held): the stacks
     * count as words of the question, so a note about that engine wins over a general one. A second passage from
     * another source follows when it is nearly as close: a question often spans two notes.
     */
    static Optional<String> answer(String question, Report report, List<String> stacks) {
        return answer(question, report, stacks, false);
    }

    /**
     * As above, for "it still OOMs" after a VRAM failure: the question is the next rung on the card, so an entry only
     * the host-RAM cause lists (the kernel OOM killer, cgroups) is left out.
     */
    static Optional<String> nextOnCard(String question, Report report, List<String> stacks) {
        return answer(question, report, stacks, report != null && report.issueType().equals("vram_oom"));
    }

    /**
     * The closest passage to an explanation that is not the named term's own (the term is the definition already
     * shown; the mechanism asked about is in another passage), or empty when none is close.
     */
    static Optional<String> beyond(String question, Report report, List<String> stacks, String term) {
        return answer(question, report, stacks, false, true, term);
    }

    /** The answer to a question that asks for an explanation: its subject words weigh more (Passages' subject). */
    static Optional<String> explanation(String question, Report report, List<String> stacks) {
        // Halving the words every passage shares can leave no passage close enough; the plain ranking then answers.
        var subject = answer(question, report, stacks, false, true, null);
        return subject.isPresent() ? subject : answer(question, report, stacks, false, false, null);
    }

    private static Optional<String> answer(String question, Report report, List<String> stacks, boolean onCard) {
        return answer(question, report, stacks, onCard, false, null);
    }

    private static Optional<String> answer(String question, Report report, List<String> stacks, boolean onCard,
            boolean explaining, String skip) {
        String words = NamesAside.of(question);
        String query = stacks.isEmpty() ? words : words + " " + String.join(" ", stacks);
        Set<String> context = new HashSet<>(stacks);
        context.addAll(KnowledgeAnswers.namedStacks(question));
        List<Passages.Hit> hits = onStack(Knowledge.ALL.search(query, cited(report), REPORT_BOOST, CANDIDATES,
                explaining), context);
        if (onCard) hits.removeIf(KnowledgeSearch::hostRamOnly);
        if (skip != null) hits.removeIf(h -> h.passage().title().equals(skip));
        hits = inRegime(hits, regime(question, report));
        if (hits.isEmpty()) return Optional.empty();
        Passages.Hit best = hits.get(0);
        StringBuilder sb = new StringBuilder(quote(best, question));
        for (Passages.Hit h : hits.subList(1, hits.size())) {
            if (h.score() < SECOND * best.score()) break;
            if (h.passage().title().equals(best.passage().title())) continue;
            sb.append('\n').append(quote(h, question));
            break;
        }
        return Optional.of(sb.toString());
    }

    /**
     * A note about one engine (vLLM's share of the card) answers a question about another badly: notes whose stacks
     * the conversation has not named count for less.
     */
    private static List<Passages.Hit> onStack(List<Passages.Hit> hits, Set<String> context) {
        Set<String> ctx = new HashSet<>();
        for (String c : context) ctx.add(ALIAS.getOrDefault(c, c));
        List<Passages.Hit> out = new ArrayList<>();
        for (Passages.Hit h : hits) {
            Set<String> own = Knowledge.NOTE_STACKS.get(h.passage().title());
            boolean off = own != null && !own.contains("any") && own.stream().noneMatch(x -> ctx.contains(
                    ALIAS.getOrDefault(x, x)));
            out.add(off ? new Passages.Hit(h.passage(), h.score() * OFF_STACK, h.matched(), h.terms()) : h);
        }
        out.sort(java.util.Comparator.comparingDouble(Passages.Hit::score).reversed());
        out.removeIf(h -> h.score() < MIN_AFTER);
        return out;
    }

    /**
     * The regime passages are weighed by: the question's own words, unless the failure held says the other ("lower
     * the batch size" about an Ollama failure); else a generation front end's failure (ComfyUI). Other failures held
     * do not say it alone: a vLLM failure may be an RL trainer's rollout engine.
     */
    private static Optional<Regime.Kind> regime(String question, Report report) {
        Optional<Regime.Kind> asked = Regime.named(question), held = Regime.of(List.of(), report);
        if (asked.isPresent()) return held.isPresent() && held.get() != asked.get() ? Optional.empty() : asked;
        return report != null && io.oomdoc.protocol.Stacks.app(report.framework()) ? held : Optional.empty();
    }

    /**
     * A ComfyUI generation is not helped by a passage on training a LoRA, nor a fine-tune by one on serving flags:
     * passages whose title names only the other regime than the question's (or the failure's) count for less.
     * Passages are chosen by their words, and "SDXL on a T4" matches a training measurement as well as a generation
     * one. The title, not the text: a serving note that mentions a LoRA adapter or a batch size is still on serving.
     */
    private static List<Passages.Hit> inRegime(List<Passages.Hit> hits, Optional<Regime.Kind> regime) {
        if (regime.isEmpty()) return hits;
        List<Passages.Hit> out = new ArrayList<>();
        for (Passages.Hit h : hits) {
            var own = Regime.named(h.passage().title());
            boolean off = own.isPresent() && own.get() != regime.get();
            out.add(off ? new Passages.Hit(h.passage(), h.score() * OFF_REGIME, h.matched(), h.terms()) : h);
        }
        out.sort(java.util.Comparator.comparingDouble(Passages.Hit::score).reversed());
        out.removeIf(h -> h.score() < MIN_AFTER);
        return out;
    }

    /** An entry that only the host-RAM cause lists (the OOM killer, cgroups): off the subject of a VRAM failure. */
    private static boolean hostRamOnly(Passages.Hit h) {
        return io.oomdoc.knowledge.CauseEntries.causesOf(h.passage().kb()).equals(List.of("host_ram_oom"));
    }

    /** Spellings of one stack in the notes and in the facts. */
    private static final java.util.Map<String, String> ALIAS = java.util.Map.of("ollama", "llamacpp", "trl",
            "hf-trainer", "peft", "hf-trainer", "unsloth", "hf-trainer", "transformers", "hf-trainer");
    private static final double OFF_STACK = 0.6;
    private static final double OFF_REGIME = 0.6;
    private static final double MIN_AFTER = 4.0;
    private static final int CANDIDATES = 8;

    private static String quote(Passages.Hit h, String question) {
        return Passages.excerpt(h.passage(), question, SENTENCES) + " [" + h.passage().kb() + ": "
                + h.passage().title() + "]";
    }

    private static Set<String> cited(Report report) {
        Set<String> ids = new HashSet<>();
        if (report == null) return ids;
        report.fixes().forEach(f -> ids.add(f.kb()));
        if (!report.hypotheses().isEmpty()) ids.addAll(report.hypotheses().get(0).kb());
        return ids;
    }
}
