package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * diag25a: one grouped 5-fold CV over Corpus.trainable() with the bundled settings, one tab-separated line per case
 * and input mode (id, mode, label, said, top-3, alternatives, fold, the non-word features, the confidences, then
 * (diag28) the labelled and the said phase), to read the label-only and the phase misses offline.
 * Run: bench/run.sh LabelDump > out.tsv
 */
public final class LabelDump {
    private LabelDump() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        List<TrainReasoner.Example> ex = TrainReasoner.examples(Corpus.trainable());
        Map<String, String> features = new HashMap<>();
        for (var e : ex) {
            features.put(e.c().id() + (e.withDescription() ? "/d" : "/p"), e.x().values().keySet().stream()
                    .filter(k -> !k.startsWith("w:") && !k.startsWith("lw:")).sorted()
                    .collect(Collectors.joining(" ")));
        }
        Scores cv = CrossValidation.run(ex, l2, TrainReasoner.FOLDS);
        for (Scores.Outcome o : cv.outcomes()) {
            Case c = o.c();
            String key = c.id() + (o.withDescription() ? "/d" : "/p");
            System.out.println(String.join("\t", c.id(), o.withDescription() ? "d" : "p", c.category(),
                    o.category(), String.valueOf(o.top3()), String.valueOf(c.alternatives()),
                    String.valueOf(Corpus.fold(c, TrainReasoner.FOLDS)), features.get(key),
                    String.valueOf(o.confidences()), c.phase(), o.phase()));
        }
    }
}
