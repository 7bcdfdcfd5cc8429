package io.oomdoc.protocol.reasoning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Expert knowledge as evidence: the hand-set support of each readable rule for each cause (model/expert-prior.tsv),
 * summed over the rules that hold. The learner sees the sums as features and learns how far to trust them, so a
 * cause the corpus has few examples of still gets what an expert knows about it.
 */
final class ExpertPrior {
    private static final String TABLE = "model/expert-prior.tsv";
    private static final double SCALE = 10.0;
    private static volatile Map<String, Map<String, Double>> table;

    private ExpertPrior() {}

    static void addTo(Set<String> firedRules, FeatureVector.Builder b) {
        Map<String, Double> score = new TreeMap<>();
        for (String rule : firedRules) {
            Map<String, Double> w = table().get(rule);
            if (w != null) w.forEach((cat, v) -> score.merge(cat, v, Double::sum));
        }
        String best = null;
        for (var e : score.entrySet()) {
            b.set("prior:" + e.getKey(), e.getValue() / SCALE, null);
            if (best == null || e.getValue() > score.get(best)) best = e.getKey();
        }
        if (best != null) b.flag("prior-top:" + best);
    }

    private static Map<String, Map<String, Double>> table() {
        if (table == null) table = read(ExpertPrior.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    /** The table parsed from its text: rule, then cause, then support; comments and the header row skipped. */
    static Map<String, Map<String, Double>> read(java.io.InputStream in) {
        if (in == null) throw new IllegalStateException("bundled table missing: " + TABLE);
        Map<String, Map<String, Double>> t = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("rule\t")).forEach(l -> {
                String[] c = l.split("\t");
                t.computeIfAbsent(c[0], k -> new HashMap<>()).put(c[1], Double.parseDouble(c[2]));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(t);
    }
}
