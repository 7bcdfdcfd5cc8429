package io.oomdoc.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over each entry's title, keywords, symptoms and body, with the curated fields weighted up.
 * Small enough to build at start-up in a few milliseconds.
 */
public final class LexicalIndex {
    public record Hit(KnowledgeEntry entry, double score) {}

    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "is", "it", "my",
            "on",
            "for", "with", "when", "what", "why", "how", "i", "at", "be", "do", "does", "this", "that", "after",
                    "get", "gets",
            "keeps", "are", "was", "from", "by", "as", "me", "can", "not", "no", "only", "just", "also", "very",
                    "still", "but", "if", "so", "then", "than", "which", "there", "their", "while", "i'm", "am");

    private final List<KnowledgeEntry> entries;
    private final Bm25 bm25;

    LexicalIndex(List<KnowledgeEntry> entries) {
        this.entries = entries;
        List<Map<String, Double>> counts = new ArrayList<>();
        for (KnowledgeEntry e : entries) {
            Map<String, Double> c = new HashMap<>();
            add(c, e.title(), 3);
            add(c, String.join(" ", e.keywords()), 3);
            add(c, String.join(" ", e.symptoms()), 2);
            add(c, String.join(" ", e.signals()), 1);
            add(c, String.join(" ", e.categories()).replace('_', ' '), 2);
            add(c, e.body(), 1);
            counts.add(c);
        }
        this.bm25 = new Bm25(counts);
    }

    /** Words every entry is about: in a query they only add noise ("CUDA OOM" matches everything). */
    private static final Set<String> DOMAIN = Set.of("cuda", "oom", "gpu", "memory", "memori", "error", "out",
            "pytorch", "torch");

    public List<Hit> search(String query, int limit) {
        Set<String> terms = new HashSet<>();
        for (String t : tokens(query)) {
            boolean generic = false;
            for (String part : t.split("_")) generic |= DOMAIN.contains(part);
            if (!generic) terms.add(t);
        }
        if (terms.isEmpty()) terms.addAll(tokens(query));
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            double score = 0;
            for (String t : terms) score += bm25.score(i, t);
            if (score > 0) hits.add(new Hit(entries.get(i), score));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    private static void add(Map<String, Double> counts, String text, double weight) {
        for (String t : tokens(text)) counts.merge(t, weight, Double::sum);
    }

    /** Lower-case words, light stemming, plus bigrams so "empty cache" finds empty_cache. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String prev = null;
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (raw.isEmpty() || STOP.contains(raw)) { prev = null; continue; }
            String w = stem(raw);
            out.add(w);
            if (prev != null) out.add(prev + "_" + w);
            prev = w;
        }
        return out;
    }

    /**
     * The tokens of {@code text} written as bare numbers ("6 * 10 ** 9"), as stemmed: a code such as DirectML's
     * 8007000E is a word, though its stem ("800700") is all digits.
     */
    static Set<String> figures(String text) {
        Set<String> out = new HashSet<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit)) out.add(stem(raw));
        }
        return out;
    }

    /** A crude stem: plural s dropped, then the first six letters ("evaluating", "evaluation" → "evalua"). */
    private static String stem(String w) {
        String t = w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
        return t.length() > 6 ? t.substring(0, 6) : t;
    }
}
