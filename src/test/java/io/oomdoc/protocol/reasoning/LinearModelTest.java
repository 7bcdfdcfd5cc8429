package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weights table the reasoner reads, on the bundled category weights (model/category.tsv, from the trainer). */
class LinearModelTest {
    private static final LinearModel BUNDLED = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS);

    private static LinearModel read(String table) {
        return LinearModel.read(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
    }

    /** A feature the bundled table has a row for (memory that grows). */
    private static final String FEATURE = "cue:growth";

    @Test
    void aTableWrittenAndReadBackGivesTheSameProbabilities() {
        LinearModel again = read(BUNDLED.write("round trip"));
        assertEquals(BUNDLED.labels(), again.labels());
        FeatureVector x = FeatureVector.builder().flag(FEATURE).flag("cue:late").build();
        assertArrayEquals(BUNDLED.probabilities(x), again.probabilities(x), 1e-4);
    }

    @Test
    void probabilitiesAreADistributionAndAFeaturePushesItsLabels() {
        assertTrue(BUNDLED.knows(FEATURE));
        double[] none = BUNDLED.probabilities(FeatureVector.builder().build());
        double[] grows = BUNDLED.probabilities(FeatureVector.builder().flag(FEATURE).build());
        assertEquals(1.0, java.util.Arrays.stream(grows).sum(), 1e-9);
        int leak = BUNDLED.labels().indexOf("leak_held_references");
        assertTrue(BUNDLED.contribution(FEATURE, 1.0, "leak_held_references") > 0,
                "memory that grows speaks for a leak in the fitted weights");
        assertTrue(grows[leak] > none[leak]);
    }

    @Test
    void aContributionIsTheWeightTimesTheValueAndNothingForWhatTheTableLacks() {
        double one = BUNDLED.contribution(FEATURE, 1.0, "leak_held_references");
        assertEquals(2 * one, BUNDLED.contribution(FEATURE, 2.0, "leak_held_references"), 1e-12);
        assertEquals(0.0, BUNDLED.contribution("no such feature", 1.0, "leak_held_references"));
        assertEquals(0.0, BUNDLED.contribution(FEATURE, 1.0, "no such label"));
    }

    @Test
    void aScalarIsZeroUntilSetAndSettingItLeavesTheOriginalAlone() {
        LinearModel m = read("feature\ta\tb\n__bias__\t0.5\t-0.5\n");
        assertEquals(0.0, m.scalar("s"));
        LinearModel set = m.withScalar("s", 3.0);
        assertEquals(3.0, set.scalar("s"));
        assertEquals(0.0, m.scalar("s"));
        assertEquals(BUNDLED.scalar(Reasoner.PRIOR_SCALE), read(BUNDLED.write("")).scalar(Reasoner.PRIOR_SCALE), 1e-4);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndTheBiasAloneGivesTheSoftmax() {
        LinearModel m = read("# fitted on nothing\nfeature\ta\tb\n# a comment row\n__bias__\t1.0\t0.0\n\n");
        assertEquals(List.of("a", "b"), m.labels());
        double[] p = m.probabilities(FeatureVector.builder().build());
        double e = Math.exp(1.0);
        assertArrayEquals(new double[]{e / (e + 1), 1 / (e + 1)}, p, 1e-12);
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> read("# only a comment\n"));
    }
}
