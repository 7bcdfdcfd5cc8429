package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Conversation;
import io.oomdoc.protocol.dialogue.IntentFeatures;
import io.oomdoc.protocol.dialogue.IntentModel;
import io.oomdoc.protocol.dialogue.Transcripts;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns that hold on the dev suite and sets 1-7 when each conversation is played with intent weights fitted without
 * its repository's turns (the folds of TrainIntents), or with the rules alone (--rules): the honest before/after of a
 * learned intent on data it learns from. Prints one row per turn (set, file, turn, holds, expected, got) and totals.
 * Run: bench/run.sh IntentCv [--rules] (JAVA_OPTS="-Doomdoc.intentCache=FILE" reuses the turns TrainIntents played;
 * -Doomdoc.ruleScale, -Doomdoc.balance, -Doomdoc.trust, -Doomdoc.seen: the settings TrainIntents chose)
 */
public final class IntentCv {
    public static void main(String[] args) {
        TrainReasoner.quiet();
        boolean rules = List.of(args).contains("--rules");
        double l2 = Double.parseDouble(System.getProperty("oomdoc.intentL2", "1.0"));
        TrainIntents.ruleScale = Double.parseDouble(System.getProperty("oomdoc.ruleScale", "1.0"));
        TrainIntents.balance = Double.parseDouble(System.getProperty("oomdoc.balance", "0.0"));
        TrainIntents.trust = Double.parseDouble(System.getProperty("oomdoc.trust", "0.0"));
        TrainIntents.seenTable = Boolean.getBoolean("oomdoc.seen");
        List<TrainIntents.Row> rows = rules ? List.of() : IntentData.playedCached().stream()
                .map(p -> new TrainIntents.Row(p, IntentFeatures.of(p.state()).values(), p.turn().intent())).toList();
        IntentModel[] models = new IntentModel[TrainIntents.FOLDS];
        for (int f = 0; f < models.length && !rules; f++) {
            final int fold = f;
            models[f] = new IntentModel(TrainIntents.fit(rows.stream().filter(r -> TrainIntents.fold(r) != fold)
                    .toList(), l2, x -> true));
        }
        Map<String, int[]> bySet = new TreeMap<>();
        for (String set : IntentData.SETS) {
            Path dir = IntentData.dir(set);
            for (var t : IntentData.transcripts(set)) {
                String group = IntentData.group(dir.resolve(t.file()));
                int fold = Math.floorMod(group.hashCode() * 31 + 11, TrainIntents.FOLDS);
                Conversation c = rules ? Conversation.rulesOnly() : Conversation.with(models[fold]);
                for (var v : Transcripts.play(t, c::respond, c::facts, ConversationBench::render)) {
                    int[] n = bySet.computeIfAbsent(set, k -> new int[4]);
                    n[1]++;
                    if (v.holds()) n[0]++;
                    boolean intentRight = String.valueOf(v.turn().intent()).equals(v.gotIntent());
                    if (intentRight) n[2]++;
                    n[3]++;
                    System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%s\t%s\t%s%n", set, v.file(), v.index(),
                            v.holds() ? "holds" : "fails", v.turn().intent(), v.gotIntent());
                }
            }
        }
        int[] all = new int[4];
        bySet.forEach((k, n) -> {
            System.out.printf(Locale.ROOT, "# %-24s holds %d / %d, intent %d / %d%n", k, n[0], n[1], n[2], n[3]);
            for (int i = 0; i < all.length; i++) all[i] += n[i];
        });
        System.out.printf(Locale.ROOT, "# %-24s holds %d / %d, intent %d / %d%n", "all", all[0], all[1], all[2],
                all[3]);
    }
}
