package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.watch.MemoryTimeline;
import io.oomdoc.protocol.Category;

import java.util.List;
import java.util.Map;

/**
 * What `oomdoc run` measured while the job ran, as features and as constraints. The learned weights have never
 * seen a timeline (the corpus is pasted text), so a verdict is not left to them: memory measured step by step
 * settles the shape of the failure the way the allocator's numbers settle its physics.
 */
final class TimelineFeatures {
    /** Added to the verdict's category before renormalising. */
    private static final double MEASURED = 0.8;
    private static final double ONE_TIME_PEAK_UNDER_GROWTH = 0.3;
    /** How far a measured verdict's cause is put ahead of the strongest other one when the weights disagree. */
    private static final double LEAD = 0.1;
    private static final List<Category> ONE_TIME_PEAKS = List.of(Category.LONGEST_BATCH, Category.FIRST_BACKWARD,
            Category.OPTIMIZER_STATE_STEP2);

    private static final Map<MemoryTimeline.Kind, Category> CAUSE = Map.of(
            MemoryTimeline.Kind.GROWTH, Category.LEAK_HELD_REFERENCES,
            MemoryTimeline.Kind.SPIKE, Category.LONGEST_BATCH,
            MemoryTimeline.Kind.STEP2_JUMP, Category.OPTIMIZER_STATE_STEP2,
            MemoryTimeline.Kind.NEIGHBOUR, Category.OTHER_PROCESS_OR_ZOMBIE,
            MemoryTimeline.Kind.HOST_KILL, Category.HOST_RAM_OOM);

    private TimelineFeatures() {}

    static void addTo(MemoryTimeline t, FeatureVector.Builder b) {
        if (t == null) return;
        for (MemoryTimeline.Verdict v : t.verdicts()) {
            b.set(key(v.kind()), 1.0, v.evidence());
            // A SIGKILL with no CUDA message is the kernel's kill, as if the log had said "Killed".
            if (v.kind() == MemoryTimeline.Kind.HOST_KILL) b.flag("kill-named");
        }
    }

    static void constrain(FeatureVector x, List<String> labels, double[] p) {
        boolean any = false;
        for (Map.Entry<MemoryTimeline.Kind, Category> e : CAUSE.entrySet()) {
            if (!x.values().containsKey(key(e.getKey()))) continue;
            int k = labels.indexOf(e.getValue().json());
            if (k >= 0) { p[k] += MEASURED; any = true; }
        }
        if (x.values().containsKey(key(MemoryTimeline.Kind.GROWTH))) {
            for (Category c : ONE_TIME_PEAKS) {
                int k = labels.indexOf(c.json());
                if (k >= 0) p[k] *= ONE_TIME_PEAK_UNDER_GROWTH;
            }
        }
        if (!any) return;
        // Memory measured step by step settles the shape as the allocator's numbers settle the physics: the verdict's
        // cause leads even where the weights read the words strongly another way (a TF leak once read as batch size).
        for (Map.Entry<MemoryTimeline.Kind, Category> e : CAUSE.entrySet()) {
            int k = labels.indexOf(e.getValue().json());
            if (k < 0 || !x.values().containsKey(key(e.getKey()))) continue;
            double best = 0;
            for (int i = 0; i < p.length; i++) if (i != k) best = Math.max(best, p[i]);
            if (p[k] <= best) p[k] = best + LEAD;
        }
        double s = 0;
        for (double v : p) s += v;
        for (int i = 0; i < p.length; i++) p[i] /= s;
    }

    private static String key(MemoryTimeline.Kind k) {
        return "timeline:" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
