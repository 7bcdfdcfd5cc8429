package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Intent;
import io.oomdoc.protocol.dialogue.IntentClassifier;
import io.oomdoc.protocol.dialogue.IntentFeatures;
import io.oomdoc.protocol.dialogue.IntentModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bundled intent weights (src/main/resources/model/intent.tsv) are those bench/run.sh TrainIntents fits today:
 * fitted on the labelled turns as they are, and on features the extractor still produces.
 */
class IntentWeightsTest {
    private static final Path WEIGHTS = Path.of("src/main/resources").resolve(IntentModel.WEIGHTS);

    /** A turn added, relabelled or reworded, or features changed (IntentFeatures.VERSION): retrain. */
    @Test
    void theWeightsWereFittedOnTheLabelledTurnsAsTheyAreNow() throws IOException {
        String recorded = Files.readAllLines(WEIGHTS).stream().filter(l -> l.startsWith("# " + IntentModel.FITTED_ON))
                .findFirst().orElse("# (no fitted-on line)").substring(2);
        assertEquals(IntentData.fittedOn(IntentData.labelled()), recorded,
                "src/main/resources/model/intent.tsv is stale: run bench/run.sh TrainIntents");
    }

    /** A weighted feature the extractor no longer produces is a weight that can never act. */
    @Test
    void everyWeightedFeatureIsOneTheExtractorCanProduce() throws IOException {
        Set<String> reachable = new HashSet<>();
        List<Intent> intents = new ArrayList<>(List.of(Intent.values()));
        intents.add(null);
        for (var turn : IntentData.labelled()) {
            for (boolean on : new boolean[]{true, false}) {
                var signals = new IntentClassifier.Signals(turn.input(), on, on, on, on, on, on, on, on, on);
                reachable.addAll(IntentFeatures.of(new IntentFeatures.State(signals, null, null)).values().keySet());
            }
        }
        var none = new IntentClassifier.Signals("", false, false, false, false, false, false, false, false, false);
        for (Intent rule : intents) {
            for (Intent previous : intents) {
                reachable.addAll(IntentFeatures.of(new IntentFeatures.State(none, rule, previous)).values().keySet());
            }
        }
        List<String> unreachable = new ArrayList<>();
        boolean header = false;
        for (String line : Files.readAllLines(WEIGHTS)) {
            if (line.startsWith("#")) continue;
            if (!header) { header = true; continue; }
            String feature = line.substring(0, line.indexOf('\t'));
            boolean scalar = feature.equals("__bias__") || feature.equals(IntentModel.TRUST)
                    || feature.startsWith(IntentModel.SEEN);
            if (!scalar && !reachable.contains(feature)) unreachable.add(feature);
        }
        assertEquals(List.of(), unreachable);
    }
}
