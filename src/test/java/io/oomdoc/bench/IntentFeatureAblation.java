package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.IntentFeatures;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The grouped cross-validated intent accuracy with and without a family of features (the folds and settings of
 * TrainIntents, one fit per fold and family), to see whether a feature family carries anything the words do not.
 * Run: JAVA_OPTS="-Doomdoc.intentCache=FILE -Doomdoc.ruleScale=0.5 -Doomdoc.balance=0.5 -Doomdoc.trust=0.4
 * -Doomdoc.seen=true" bench/run.sh IntentFeatureAblation PREFIX... (each PREFIX a family left out, e.g. cue:)
 */
public final class IntentFeatureAblation {
    public static void main(String[] args) {
        TrainReasoner.quiet();
        TrainIntents.ruleScale = Double.parseDouble(System.getProperty("oomdoc.ruleScale", "1.0"));
        TrainIntents.balance = Double.parseDouble(System.getProperty("oomdoc.balance", "0.0"));
        TrainIntents.trust = Double.parseDouble(System.getProperty("oomdoc.trust", "0.0"));
        TrainIntents.seenTable = Boolean.getBoolean("oomdoc.seen");
        double l2 = Double.parseDouble(System.getProperty("oomdoc.intentL2", "1.0"));
        List<TrainIntents.Row> rows = IntentData.playedCached().stream()
                .map(p -> new TrainIntents.Row(p, IntentFeatures.of(p.state()).values(), p.turn().intent())).toList();
        run("all features", rows, l2, f -> true);
        for (String prefix : args) run("without " + prefix, rows, l2, f -> !f.contains(prefix));
    }

    private static void run(String name, List<TrainIntents.Row> rows, double l2, Predicate<String> keep) {
        String[] got = TrainIntents.crossValidate(rows, l2, keep);
        System.out.printf(Locale.ROOT, "%s: %.4f, sets 16-19 %.4f%n", name, TrainIntents.accuracy(rows, got),
                TrainIntents.accuracy(rows, got, s -> s.matches("conversations_heldout1[6-9]")));
    }
}
