package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Tag;
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

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
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

    /** Every cell of the bundled tables, as the trainer wrote it (model/category.tsv and model/phase.tsv). */
    private static List<String> bundledCells() throws java.io.IOException {
        List<String> cells = new java.util.ArrayList<>();
        for (String table : List.of(Reasoner.CATEGORY_WEIGHTS, Reasoner.PHASE_WEIGHTS)) {
            for (String line : io.oomdoc.util.Resources.text(table).split("\n")) {
                if (line.startsWith("#") || line.startsWith("feature\t") || line.isBlank()) continue;
                String[] c = line.split("\t");
                cells.addAll(List.of(c).subList(1, c.length));
            }
        }
        return cells;
    }

    @Test
    void aWeightReadsAsTheJdkParserReadsItBitForBit() throws java.io.IOException {
        List<String> cells = new java.util.ArrayList<>(bundledCells());
        assertTrue(cells.size() > 4000, "the bundled tables hold thousands of weights");
        // forms the trainer does not write today, each read as parseDouble reads it
        cells.addAll(List.of("-0.0000", "0", "7.", ".5", "123456789012345.6", "0.1234567890123456", "1e-3", "+2.5",
                "-1.7976931348623157E308", "NaN", "-Infinity", "9007199254740993", "12345678901234.5",
                "-0.12345678901234"));
        for (String c : cells) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(c)), Double.doubleToRawLongBits(
                    LinearModel.cell(c)), c);
        }
    }

    @Test
    void aCellThatIsNoNumberIsRefusedAsTheJdkRefusesIt() {
        for (String c : List.of("", "-", ".", "1.2.3", "0x10", "1,5")) {
            assertThrows(NumberFormatException.class, () -> LinearModel.cell(c), c);
        }
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> read("# only a comment\n"));
    }
}
