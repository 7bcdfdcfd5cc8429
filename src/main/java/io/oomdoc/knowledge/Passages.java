package io.oomdoc.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BM25 over short passages of the knowledge (a paragraph of an entry, a glossary term, a how-to note), so a question
 * no hand-written rule foresaw still gets the two sentences of the knowledge base that answer it. A passage of an
 * entry the failure held points to can be boosted; a match on one common word alone is not an answer.
 */
public final class Passages {
    /** One passage: where it comes from (a KB id and its title), what it is about (weighted up) and its text. */
    public record Passage(String kb, String title, String about, String text) {}

    /** A passage and how well it matched. */
    public record Hit(Passage passage, double score, int matched, List<String> terms) {}

    private static final double ABOUT_WEIGHT = 3;
    /** Below this a hit is chance overlap ("memory", "card"): a single rare word scores about 2-3. */
    private static final double MIN_SCORE = 4.0;
    private static final int MIN_PARAGRAPH = 60;
    /** Words of conversation, not of memory: a passage that shares only these with a question does not answer it. */
    private static final Set<String> CHATTER = Set.of("all", "one", "up", "inside", "itself", "both", "fine", "start",
            "thing", "weird", "proble", "though", "would", "could", "should", "help", "use", "using", "make", "go",
            "have", "ha", "had", "really", "much", "many", "some", "any", "will", "other", "same", "like", "need",
            "want", "work", "workin", "try", "tried", "think", "know", "seem", "right", "now", "here", "there", "these",
            "those", "them", "they", "you", "your", "we", "our", "it'", "don", "doesn", "didn", "isn", "even", "ok",
            "okay", "yes", "yeah", "thank", "please", "what'", "someth", "anythi", "actual", "exactl", "again", "into",
            "out", "off", "over", "under", "about", "before", "did", "done", "say", "said", "see", "look", "got", "get",
            "way", "who", "where", "whole", "each", "every", "first", "then", "well", "better", "worse", "lot", "bit",
            "withou", "tested", "test", "more", "less", "kind", "sort", "guess", "mean");
    /**
     * Words of a question that are not its subject: what is left of a contraction once the apostrophe splits it
     * ("doesn't" -> doesn, t), and asking words ("why does the length matter"). Dropped when the subject is weighed.
     */
    private static final Set<String> ASKING = Set.of("t", "s", "ll", "ve", "re", "d", "m", "matter", "its", "own",
            "instea", "being", "anyway", "ever");
    /**
     * Words every passage of a memory knowledge base is about: in "why does the length matter so much for memory"
     * the subject is the length, so these count for half and a passage must share more than them with the question.
     */
    private static final Set<String> DOMAIN = Set.of("memory", "memori", "gpu");
    private static final double DOMAIN_WEIGHT = 0.5;

    private final List<Passage> passages;
    private final Bm25 bm25;

    public Passages(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        List<Map<String, Double>> counts = new ArrayList<>();
        for (Passage p : passages) {
            Map<String, Double> c = new HashMap<>();
            for (String t : LexicalIndex.tokens(p.about())) c.merge(t, ABOUT_WEIGHT, Double::sum);
            for (String t : LexicalIndex.tokens(p.text())) c.merge(t, 1.0, Double::sum);
            counts.add(c);
        }
        this.bm25 = new Bm25(counts);
    }

    /**
     * The paragraphs of each entry's prose (tables, code and headings left out: they read badly as an answer) plus its
     * symptoms and verification, each about the entry's title and keywords.
     */
    public static List<Passage> of(KnowledgeBase kb) {
        List<Passage> out = new ArrayList<>();
        for (KnowledgeEntry e : kb.all()) {
            String about = e.title() + " " + String.join(" ", e.keywords());
            for (String para : e.body().split("\\n\\s*\\n")) {
                String p = para.strip();
                if (p.length() < MIN_PARAGRAPH || p.startsWith("#") || p.startsWith("|") || p.startsWith("```")
                        || p.startsWith("    ")) continue;
                out.add(new Passage(e.id(), e.title(), about, p.replaceAll("\\s*\\n\\s*", " ")));
            }
            if (!e.verification().isBlank()) out.add(new Passage(e.id(), e.title(), about + " verify check confirm",
                    e.verification()));
        }
        return out;
    }

    /** The best passage for the question, passages of {@code boosted} KB ids weighted up; empty when none is close. */
    public Optional<Hit> best(String question, Set<String> boosted, double boost) {
        List<Hit> hits = search(question, boosted, boost, 1);
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    public List<Hit> search(String question, Set<String> boosted, double boost, int limit) {
        return search(question, boosted, boost, limit, false);
    }

    /**
     * As above; with {@code subject} the question's subject weighs more than the words every memory passage shares,
     * as an explanation asks for ("why does the length matter so much for memory" is about the length).
     */
    public List<Hit> search(String question, Set<String> boosted, double boost, int limit, boolean subject) {
        Set<String> terms = new LinkedHashSet<>(LexicalIndex.tokens(question));
        // the words alone: a bigram with one of them is an identifier's ("decoding_t" is decodi_t), kept
        if (subject) terms.removeIf(ASKING::contains);
        Set<String> figures = LexicalIndex.figures(question);
        terms.removeIf(t -> CHATTER.contains(t) || t.contains("_") && (CHATTER.contains(t.substring(0, t.indexOf('_')))
                || CHATTER.contains(t.substring(t.indexOf('_') + 1))));
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            double score = 0;
            int matched = 0;
            List<String> found = new ArrayList<>();
            for (String t : terms) {
                if (!bm25.has(i, t)) continue;
                score += subject && DOMAIN.contains(t) ? DOMAIN_WEIGHT * bm25.score(i, t) : bm25.score(i, t);
                // A bare number ("6 * 10 ** 9") is a figure of this run, not a subject: it adds to the score of a
                // passage that shares a word with the question, but numbers alone (a Whisper note's "6 GB ... 10")
                // do not make a passage an answer.
                if (!t.contains("_") && !figures.contains(t)) matched++;
                found.add(t);
            }
            if (boosted.contains(passages.get(i).kb())) score *= boost;
            if (score >= MIN_SCORE && matched >= 1) hits.add(new Hit(passages.get(i), score, matched, found));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /**
     * The passage cut to the sentences that carry the question's words, in their order, at most {@code max}: an
     * answer, not a chapter.
     */
    public static String excerpt(Passage p, String question, int max) {
        String[] sentences = p.text().split("(?<=[.!?])\\s+(?=[A-Z0-9`(\"])");
        if (sentences.length <= max) return p.text();
        Set<String> terms = new HashSet<>(LexicalIndex.tokens(question));
        Integer[] order = new Integer[sentences.length];
        double[] score = new double[sentences.length];
        for (int i = 0; i < sentences.length; i++) {
            order[i] = i;
            for (String t : LexicalIndex.tokens(sentences[i])) if (terms.contains(t)) score[i]++;
        }
        java.util.Arrays.sort(order, (a, b) -> score[b] != score[a] ? Double.compare(score[b], score[a]) : a - b);
        List<Integer> keep = new ArrayList<>(List.of(order).subList(0, max));
        keep.sort(Integer::compare);
        StringBuilder sb = new StringBuilder();
        for (int i : keep) sb.append(sb.length() == 0 ? "" : " ").append(sentences[i]);
        return sb.toString();
    }
}
