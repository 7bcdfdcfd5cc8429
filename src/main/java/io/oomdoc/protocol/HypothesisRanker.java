package io.oomdoc.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the signals that hold and turns scores into confidences. Confidence is the category's share
 * of all support, capped by how strong the evidence is overall: a lone keyword never reads as certain.
 */
public final class HypothesisRanker {
    private final List<Signal> signals;

    public HypothesisRanker() { this(Signals.ALL); }

    public HypothesisRanker(List<Signal> signals) { this.signals = signals; }

    public List<Hypothesis> rank(Evidence e) {
        Map<Category, Double> score = new EnumMap<>(Category.class);
        Map<Category, List<String>> why = new EnumMap<>(Category.class);
        for (Signal s : signals) {
            String reason;
            try {
                reason = s.test().apply(e);
            } catch (RuntimeException ex) {
                continue; // a rule that cannot read this evidence stays silent
            }
            if (reason == null) continue;
            for (var w : s.weights().entrySet()) {
                score.merge(w.getKey(), w.getValue(), Double::sum);
                if (!reason.isEmpty()) why.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(reason);
            }
        }
        List<Double> sorted = score.values().stream().sorted(Comparator.reverseOrder()).toList();
        double strongest = sorted.isEmpty() ? 0 : sorted.get(0);
        double runnerUp = sorted.size() > 1 ? sorted.get(1) : 0;
        // Evidence strength caps confidence: a decisive message or several agreeing signals score 8 or more.
        double cap = Math.min(0.95, 0.35 + 0.6 * Math.min(1.0, strongest / 10.0));
        List<Hypothesis> out = new ArrayList<>();
        for (var entry : score.entrySet()) {
            // A close runner-up lowers the leader's confidence; a tie leaves two thirds of the cap.
            if (entry.getValue() <= 0) continue; // a cause the evidence argues against is not listed
            double conf = cap * entry.getValue() / (strongest + 0.5 * Math.max(0, runnerUp));
            conf = Math.round(Math.min(cap, conf) * 100) / 100.0;
            out.add(new Hypothesis(entry.getKey(), conf, entry.getKey().kb, why.getOrDefault(entry.getKey(), List.of())));
        }
        out.sort(Comparator.comparingDouble(Hypothesis::confidence).reversed()
                .thenComparing(h -> -score.get(h.category())));
        return out.size() > 5 ? out.subList(0, 5) : out;
    }
}
