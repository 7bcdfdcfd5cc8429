package io.oomdoc.protocol;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's "Adding things" for a reasoning signal: one row in Signals.ALL, one cue in model/cues.tsv or one
 * shape in model/conjunctions.tsv, then bench/run.sh TrainReasoner. A row the bundled tables do not name is
 * computed and then weighs nothing, so each path is checked against the tables the reasoning reads: the learned
 * weights (model/category.tsv, model/phase.tsv) and the expert's support (model/expert-prior.tsv).
 */
class EverySignalIsReadTest {
    private static final Path MODEL = Path.of("src/main/resources/model");

    /** The first column of a table's rows (comments and the header left out). */
    private static Set<String> firstColumn(String table) throws Exception {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(MODEL.resolve(table))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            names.add(line.split("\t", -1)[0]);
        }
        return names;
    }

    @Test
    void everySignalRowHasALearnedWeightOrAnExpertsSupport() throws Exception {
        Set<String> weights = firstColumn("category.tsv");
        Set<String> supported = firstColumn("expert-prior.tsv");
        List<String> unread = new ArrayList<>();
        for (Signal s : Signals.ALL) {
            if (!weights.contains("rule:" + s.name()) && !supported.contains(s.name())) unread.add(s.name());
        }
        assertEquals(List.of(), unread);
    }

    @Test
    void everyExpertSupportNamesARowOfTheTableOrAShape() throws Exception {
        Set<String> rows = new TreeSet<>();
        for (Signal s : Signals.ALL) rows.add(s.name());
        for (String shape : firstColumn("conjunctions.tsv")) rows.add("shape " + shape);
        Set<String> supported = firstColumn("expert-prior.tsv");
        supported.remove("rule"); // the header
        supported.removeAll(rows);
        assertEquals(Set.of(), supported);
    }

    @Test
    void everyCueWordAndShapeIsAFeatureOfTheLearnedWeights() throws Exception {
        Set<String> features = firstColumn("category.tsv");
        features.addAll(firstColumn("phase.tsv"));
        features.addAll(firstColumn("evidence-kb.tsv")); // a topic cue read by the knowledge-entry choice alone
        List<String> unread = new ArrayList<>();
        for (String cue : firstColumn("cues.tsv")) {
            if (features.stream().noneMatch(f -> f.equals("cue:" + cue) || f.equals("log:" + cue)
                    || f.equals("cue:not-" + cue) || f.equals("log:not-" + cue))) unread.add("cue " + cue);
        }
        for (String shape : firstColumn("conjunctions.tsv")) {
            if (!features.contains("shape:" + shape)) unread.add("shape " + shape);
        }
        assertEquals(List.of(), unread);
    }
}
