package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A verdict `oomdoc run` measured settles the cause over the learned scores, on the labels of the bundled category
 * weights (model/category.tsv).
 */
class TimelineConstraintTest {
    private static final List<String> LABELS = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).labels();

    private static double[] uniform() {
        double[] p = new double[LABELS.size()];
        Arrays.fill(p, 1.0 / p.length);
        return p;
    }

    private static double at(double[] p, String label) { return p[LABELS.indexOf(label)]; }

    private static double[] constrained(String feature) {
        double[] p = uniform();
        TimelineFeatures.constrain(FeatureVector.builder().flag(feature).build(), LABELS, p);
        return p;
    }

    @Test
    void withoutAMeasuredVerdictTheScoresStandAsTheyAre() {
        double[] p = constrained("cue:growth");
        assertArrayEquals(uniform(), p, 0.0);
    }

    @Test
    void measuredGrowthLeadsToTheLeakAndCutsTheOneTimePeaks() {
        double[] p = constrained("timeline:growth");
        double u = 1.0 / LABELS.size();
        // the leak gets 0.8 before the scores are renormalised; a one-time peak keeps 0.3 of its share
        double sum = (LABELS.size() - 4) * u + (u + 0.8) + 3 * 0.3 * u;
        assertEquals((u + 0.8) / sum, at(p, "leak_held_references"), 1e-12);
        assertEquals(0.3 * u / sum, at(p, "longest_batch"), 1e-12);
        assertEquals(0.3 * u / sum, at(p, "first_backward"), 1e-12);
        assertEquals(0.3 * u / sum, at(p, "optimizer_state_step2"), 1e-12);
        assertEquals(u / sum, at(p, "fragmentation"), 1e-12);
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
    }

    @Test
    void aMeasuredHostKillLeadsToHostRamAndLeavesTheOthersInProportion() {
        double[] p = constrained("timeline:host-kill");
        double u = 1.0 / LABELS.size();
        double sum = 1.0 + 0.8;
        assertEquals((u + 0.8) / sum, at(p, "host_ram_oom"), 1e-12);
        assertEquals(u / sum, at(p, "longest_batch"), 1e-12);
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
    }

    @Test
    void eachMeasuredShapeNamesItsCause() {
        assertEquals("longest_batch", top(constrained("timeline:spike")));
        assertEquals("optimizer_state_step2", top(constrained("timeline:step2-jump")));
        assertEquals("other_process_or_zombie", top(constrained("timeline:neighbour")));
    }

    private static String top(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return LABELS.get(best);
    }
}
