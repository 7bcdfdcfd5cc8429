package io.oomdoc.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over documents given as weighted term counts: the one scoring both the entry search (LexicalIndex) and
 * the passage search (Passages) use.
 */
final class Bm25 {
    private static final double K1 = 1.2, B = 0.75;

    private final List<Map<String, Double>> tf;
    private final Map<String, Integer> df = new HashMap<>();
    private final double[] length;
    private final double avgLength;

    Bm25(List<Map<String, Double>> termCounts) {
        this.tf = List.copyOf(termCounts);
        this.length = new double[tf.size()];
        double total = 0;
        for (int i = 0; i < tf.size(); i++) {
            tf.get(i).keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            length[i] = tf.get(i).values().stream().mapToDouble(Double::doubleValue).sum();
            total += length[i];
        }
        avgLength = tf.isEmpty() ? 1 : total / tf.size();
    }

    int size() { return tf.size(); }

    /** Whether the document holds the term at all. */
    boolean has(int doc, String term) { return tf.get(doc).containsKey(term); }

    /** The document's score for one query term (0 when it does not hold it). */
    double score(int doc, String term) {
        Double f = tf.get(doc).get(term);
        if (f == null) return 0;
        int n = tf.size(), d = df.get(term);
        return Math.log(1 + (n - d + 0.5) / (d + 0.5)) * f * (K1 + 1)
                / (f + K1 * (1 - B + B * length[doc] / avgLength));
    }
}
