package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.IntentFeatures;
import io.oomdoc.protocol.dialogue.IntentModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Intent accuracy leave-one-set-out: each conversation set is classified by weights fitted on the other sets only.
 * A set is one writer's habits (how they label "why" turns, how they phrase a what-if); a new blind set is a new
 * writer, so this, not folds that mix repositories of one writer, is the figure that says what transfers. TUNE sets
 * (the dev suite and sets 1-9) choose the settings; CHECK sets (10-13, 14's readable half) are then classified by
 * weights fitted on TUNE alone, once per setting asked for.
 * -Doomdoc.losoSets=data holds out each set of IntentData.SETS in turn (fitted on all the others) and prints the
 * per-intent confusion; -Doomdoc.intentDump=FILE then writes each turn's held-out intent.
 * Run: JAVA_OPTS="-Doomdoc.intentCache=FILE -Doomdoc.intentL2=1 -Doomdoc.ruleScale=0.5 -Doomdoc.balance=0.5
 * -Doomdoc.trust=0.4 -Doomdoc.seen=true" bench/run.sh IntentLoso (each property may list several values: a grid)
 */
public final class IntentLoso {
    private IntentLoso() {}

    public static void main(String[] args) {
        TrainReasoner.quiet();
        List<TrainIntents.Row> rows = IntentData.playedCached().stream()
                .map(p -> new TrainIntents.Row(p, IntentFeatures.of(p.state()).values(), p.turn().intent())).toList();
        for (double l2 : TrainReasoner.grid("oomdoc.intentL2", new double[]{1.0})) {
            for (double scale : TrainReasoner.grid("oomdoc.ruleScale", new double[]{0.5})) {
                for (double bal : TrainReasoner.grid("oomdoc.balance", new double[]{0.5})) {
                    for (double trust : TrainReasoner.grid("oomdoc.trust", new double[]{0.4})) {
                        TrainIntents.ruleScale = scale;
                        TrainIntents.balance = bal;
                        TrainIntents.trust = trust;
                        TrainIntents.seenTable = Boolean.parseBoolean(System.getProperty("oomdoc.seen", "true"));
                        run(rows, l2, String.format(Locale.ROOT, "l2 %.2f rules %.2f balance %.2f trust %.2f seen %s",
                                l2, scale, bal, trust, TrainIntents.seenTable));
                    }
                }
            }
        }
    }

    private static void run(List<TrainIntents.Row> rows, double l2, String name) {
        Map<String, int[]> bySet = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        // -Doomdoc.losoAll=true: every set, CHECK included, classified by weights fitted on all the other sets
        // -Doomdoc.losoSets=data: every set the trainer learns from (IntentData.SETS) held out in turn, the weights
        // fitted on all the others; the figure that says how the bundled table does on a writer it never saw
        boolean data = "data".equals(System.getProperty("oomdoc.losoSets"));
        boolean all = data || Boolean.getBoolean("oomdoc.losoAll");
        List<String> heldSets = new ArrayList<>(data ? IntentData.SETS : TurnCensus.TUNE);
        if (all && !data) heldSets.addAll(TurnCensus.CHECK);
        Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        Map<String, Map<String, Integer>> playedMatrix = new TreeMap<>();
        Map<String, int[]> playedBySet = new TreeMap<>();
        // -Doomdoc.losoPlay=true: each held set also played through the whole conversation with those weights, so the
        // figure counts the intent a user gets (the conversation's own corrections after the model included)
        boolean play = data && Boolean.getBoolean("oomdoc.losoPlay");
        List<String> lines = new ArrayList<>();
        for (String held : heldSets) {
            var model = new IntentModel(TrainIntents.fit(rows.stream().filter(r -> !r.p().turn().set().equals(held)
                    && (all || TurnCensus.TUNE.contains(r.p().turn().set()))).toList(), l2, x -> true));
            for (var r : rows) {
                if (!r.p().turn().set().equals(held)) continue;
                String got = model.classify(r.p().state()).json();
                count(bySet, held, r.label().equals(got));
                if (data) {
                    matrix.computeIfAbsent(r.label(), k -> new TreeMap<>()).merge(got, 1, Integer::sum);
                    var t = r.p().turn();
                    lines.add(String.join("\t", held, t.file(), String.valueOf(t.index()), t.intent(),
                            IntentFeatures.name(r.p().state().rule()), IntentFeatures.name(r.p().state().previous()),
                            got, t.input().replace("\n", " ")));
                }
                if (!r.label().equals(got) && (data || TurnCensus.TUNE.contains(held))) {
                    confusions.merge(r.label() + " -> " + got, 1, Integer::sum);
                }
            }
            if (play) played(held, model, playedBySet, playedMatrix, lines);
        }
        if (data) {
            printMatrix(matrix);
            if (play) {
                int[] sum = new int[2];
                playedBySet.values().forEach(n -> { sum[0] += n[0]; sum[1] += n[1]; });
                System.out.printf(Locale.ROOT, "played through the conversation, leave-one-set-out: %d / %d = %.3f%n",
                        sum[0], sum[1], (double) sum[0] / sum[1]);
                printMatrix(playedMatrix);
            }
            dump(lines);
        }
        // a grid is chosen on TUNE alone: -Doomdoc.check=false leaves CHECK unclassified while settings are searched
        if (!all && Boolean.parseBoolean(System.getProperty("oomdoc.check", "true"))) check(rows, l2, bySet);
        print(name, bySet, confusions);
    }

    private static void check(List<TrainIntents.Row> rows, double l2, Map<String, int[]> bySet) {
        var onTune = new IntentModel(TrainIntents.fit(rows.stream()
                .filter(r -> TurnCensus.TUNE.contains(r.p().turn().set())).toList(), l2, x -> true));
        for (var r : rows) {
            String set = r.p().turn().set();
            if (!TurnCensus.CHECK.contains(set)) continue;
            count(bySet, set, r.label().equals(onTune.classify(r.p().state()).json()));
        }
    }

    private static void print(String name, Map<String, int[]> bySet, Map<String, Integer> confusions) {
        int[] tune = new int[2], check = new int[2];
        StringBuilder sb = new StringBuilder();
        bySet.forEach((k, n) -> {
            sb.append(String.format(Locale.ROOT, " %s %d/%d", k.replace("conversations_heldout", "h"), n[0], n[1]));
            int[] sum = TurnCensus.CHECK.contains(k) ? check : tune;
            sum[0] += n[0];
            sum[1] += n[1];
        });
        if ("data".equals(System.getProperty("oomdoc.losoSets"))) {
            System.out.printf(Locale.ROOT, "%s: every set of IntentData leave-one-set-out %d / %d = %.3f%n", name,
                    tune[0] + check[0], tune[1] + check[1], (double) (tune[0] + check[0]) / (tune[1] + check[1]));
        }
        String how = Boolean.getBoolean("oomdoc.losoAll") ? "leave-one-set-out over every set" : "fitted on TUNE";
        System.out.printf(Locale.ROOT, "%s: TUNE leave-one-set-out %d / %d = %.3f; CHECK (" + how + ") %d / %d = %.3f%n"
                + "  %s%n", name, tune[0], tune[1], (double) tune[0] / tune[1], check[0], check[1],
                (double) check[0] / Math.max(1, check[1]), sb);
        List<String> top = new ArrayList<>();
        confusions.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                .forEach(e -> top.add(e.getValue() + " " + e.getKey()));
        System.out.println("  TUNE confusions: " + String.join(", ", top));
    }

    /** The held set played turn by turn through a conversation that reads intents with the held-out weights. */
    private static void played(String held, IntentModel model, Map<String, int[]> bySet,
                               Map<String, Map<String, Integer>> matrix, List<String> lines) {
        for (var t : IntentData.transcripts(held)) {
            var c = io.oomdoc.protocol.dialogue.Conversation.with(model);
            for (int i = 0; i < t.turns().size(); i++) {
                var turn = t.turns().get(i);
                String got = c.respond(turn.input()).intent().json();
                if (turn.intent() == null) continue;
                count(bySet, held, turn.intent().equals(got));
                matrix.computeIfAbsent(turn.intent(), k -> new TreeMap<>()).merge(got, 1, Integer::sum);
                lines.add(String.join("\t", "played:" + held, t.file(), String.valueOf(i + 1), turn.intent(), "-",
                        "-", got, turn.input().replace("\n", " ")));
            }
        }
    }

    /** Per labelled intent: how many of its turns, how many read right, and what the rest were read as. */
    private static void printMatrix(Map<String, Map<String, Integer>> matrix) {
        matrix.forEach((label, got) -> {
            int n = got.values().stream().mapToInt(Integer::intValue).sum();
            int right = got.getOrDefault(label, 0);
            List<String> wrong = new ArrayList<>();
            got.entrySet().stream().filter(e -> !e.getKey().equals(label)).sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> wrong.add(e.getValue() + " " + e.getKey()));
            System.out.printf(Locale.ROOT, "  %-12s %4d / %4d = %.3f  read as: %s%n", label, right, n,
                    (double) right / n, String.join(", ", wrong));
        });
    }

    /**
     * With -Doomdoc.intentDump=FILE, each turn's held-out intent beside its label (set, file, turn, label, rule,
     * intent before, got, text): the turns a new writer's set would miss, to read on the burned sets.
     */
    private static void dump(List<String> lines) {
        String file = System.getProperty("oomdoc.intentDump");
        if (file == null) return;
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(file), lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void count(Map<String, int[]> bySet, String set, boolean right) {
        int[] n = bySet.computeIfAbsent(set, k -> new int[2]);
        n[1]++;
        if (right) n[0]++;
    }
}
