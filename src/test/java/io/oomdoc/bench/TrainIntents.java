package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Intent;
import io.oomdoc.protocol.dialogue.IntentFeatures;
import io.oomdoc.protocol.dialogue.IntentModel;
import io.oomdoc.protocol.reasoning.LinearModel;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Fits the intent weights (src/main/resources/model/intent.tsv) on every labelled turn of the dev suite, sets
 * 1-13 and the readable half of set 14 (IntentData), the regularisation chosen by cross-validation grouped by the
 * source thread's repository, and prints the cross-validated intent accuracy of the rules alone, of the model,
 * and of the model without the rules' intent.
 * Run: bench/run.sh TrainIntents (one l2 kept from an earlier search: JAVA_OPTS="-Doomdoc.intentL2=1" ...)
 */
public final class TrainIntents {
    static final double[] L2_GRID = {0.3, 1.0, 3.0, 10.0};
    static final int FOLDS = 5;
    /**
     * The rules were written on these same turns: fitted at full scale they can crowd out the words. A feature
     * fitted at value s and read at 1 is a feature whose weight is penalised 1/s^2 times as much.
     */
    static final double[] RULE_SCALES = {1.0, 0.5, 0.25};
    static double ruleScale = 1.0;
    /**
     * How far a rare intent's turns count more (a label's weight is (largest class / its count)^balance): answers,
     * corrections and fit questions are few, and unweighted the model seldom names them.
     */
    static final double[] BALANCES = {0.0, 0.5};
    static double balance = 0.0;
    /** How sure the model must be to overrule the rules (IntentModel.TRUST); 0 lets it decide alone. */
    static final double[] TRUSTS = {0.0, 0.4, 0.5, 0.6, 0.7};
    static double trust = 0.0;
    /** Whether the weights carry the seen|RULE rows (IntentModel.SEEN), counted on the turns each fit learns from. */
    static boolean seenTable = false;
    /**
     * The rules' scale is chosen on sets 5-7 alone: the rules were written turn by turn on the dev suite and sets
     * 1-4 for eight sessions, so on those the rules' intent looks surer than it is on a new set.
     */
    static final Predicate<String> RECENT = s -> s.matches("conversations_heldout[567]");
    /** Rows whose every weight is below this change no decision; left out, the table is a fraction of its size. */
    static final double PRUNE = 0.01;

    /** One turn's features and its label. */
    record Row(IntentData.Played p, Map<String, Double> x, String label) {}

    public static void main(String[] args) throws Exception {
        TrainReasoner.quiet();
        List<IntentData.Played> played = IntentData.playedCached();
        List<Row> rows = played.stream().map(p -> new Row(p, IntentFeatures.of(p.state()).values(),
                p.turn().intent())).toList();
        System.out.printf(Locale.ROOT, "%d labelled turns, %d groups%n", rows.size(),
                rows.stream().map(r -> r.p().turn().group()).distinct().count());
        report("rules alone", rows, rules(rows));
        double[] grid = TrainReasoner.grid("oomdoc.intentL2", L2_GRID);
        double best = grid[0], bestScore = -1;
        for (double l2 : grid) {
            String[] got = crossValidate(rows, l2, f -> true);
            double score = accuracy(rows, got);
            System.out.printf(Locale.ROOT, "l2 %.2f: cross-validated intent accuracy %.3f%n", l2, score);
            if (score > bestScore) { bestScore = score; best = l2; }
        }
        double[] scales = TrainReasoner.grid("oomdoc.ruleScale", RULE_SCALES);
        double bestScale = scales[0], bestScaled = -1;
        for (double scale : scales) {
            ruleScale = scale;
            String[] got = crossValidate(rows, best, f -> true);
            report("model, l2 " + best + ", rules' intent at " + scale, rows, got);
            double recent = accuracy(rows, got, RECENT);
            System.out.printf(Locale.ROOT, "   sets 5-7 only: %.3f%n", recent);
            if (recent > bestScaled) { bestScaled = recent; bestScale = scale; }
        }
        ruleScale = bestScale;
        double[] balances = TrainReasoner.grid("oomdoc.balance", BALANCES);
        double bestBalance = balances[0], bestBalanced = -1;
        for (double b : balances) {
            balance = b;
            String[] got = crossValidate(rows, best, f -> true);
            report("model, rules' intent at " + bestScale + ", classes balanced at " + b, rows, got);
            double recent = accuracy(rows, got, RECENT);
            System.out.printf(Locale.ROOT, "   sets 5-7 only: %.3f%n", recent);
            // a tie on sets 5-7 goes to the better accuracy over all sets
            double score = recent + accuracy(rows, got) / 1000;
            if (score > bestBalanced) { bestBalanced = score; bestBalance = b; }
        }
        balance = bestBalance;
        double[] trusts = TrainReasoner.grid("oomdoc.trust", TRUSTS);
        double bestTrust = trusts[0], bestTrusted = -1;
        for (double t : trusts) {
            trust = t;
            String[] got = crossValidate(rows, best, f -> true);
            report("model, classes balanced at " + bestBalance + ", rules stand below " + t, rows, got);
            double recent = accuracy(rows, got, RECENT);
            System.out.printf(Locale.ROOT, "   sets 5-7 only: %.3f%n", recent);
            double score = recent + accuracy(rows, got) / 1000;
            if (score > bestTrusted) { bestTrusted = score; bestTrust = t; }
        }
        trust = bestTrust;
        boolean bestSeen = false;
        double bestSeenScore = -1;
        // -Doomdoc.seen=true|false keeps one setting, as the other properties keep one value of their grid
        String seenProperty = System.getProperty("oomdoc.seen");
        boolean[] seens = seenProperty == null ? new boolean[]{false, true}
                : new boolean[]{Boolean.parseBoolean(seenProperty)};
        for (boolean on : seens) {
            seenTable = on;
            String[] got = crossValidate(rows, best, f -> true);
            report("model, choices " + (on ? "limited to the labels seen with the rules' intent" : "free"), rows, got);
            double recent = accuracy(rows, got, RECENT);
            System.out.printf(Locale.ROOT, "   sets 5-7 only: %.3f%n", recent);
            double score = recent + accuracy(rows, got) / 1000;
            if (score > bestSeenScore) { bestSeenScore = score; bestSeen = on; }
        }
        seenTable = bestSeen;
        ruleScale = 1.0;
        report("model without the rules' intent, l2 " + best, rows,
                crossValidate(rows, best, f -> !f.startsWith("rule")));
        ruleScale = bestScale;
        String[] chosen = crossValidate(rows, best, f -> true);
        bestScore = accuracy(rows, chosen);
        dump(rows, chosen);
        LinearModel m = fit(rows, best, f -> true);
        String note = "Fitted by bench/run.sh TrainIntents on the labelled turns of "
                + String.join(", ", IntentData.SETS).replaceAll("conversations_heldout(?=,)", "set 1")
                        .replace("conversations_heldout", "set ")
                + " (-dev: the readable half), l2 " + best + " chosen over " + Arrays.toString(grid)
                + ", the rules' intent at " + ruleScale + " of a word's scale over " + Arrays.toString(scales)
                + ", classes balanced at " + balance + " over " + Arrays.toString(balances)
                + ", the rules standing below a probability of " + trust + " over " + Arrays.toString(trusts)
                + (seenTable ? ", choices limited to the labels seen with the rules' intent" : ", choices free")
                + " (these four chosen on sets 5-7)"
                + ", by " + FOLDS + "-fold cross-validation grouped by source repository (accuracy "
                + String.format(Locale.ROOT, "%.3f", bestScore) + ").\n"
                + IntentData.fittedOn(IntentData.labelled());
        Path out = Path.of("src/main/resources").resolve(IntentModel.WEIGHTS);
        Files.writeString(out, m.write(note));
        System.out.println("wrote " + out);
    }

    /**
     * With -Doomdoc.intentDump=FILE, each turn's cross-validated intent beside its label (set, file, turn, label,
     * got, text): the turns the chosen settings miss, to read on the burned sets.
     */
    static void dump(List<Row> rows, String[] got) throws java.io.IOException {
        String file = System.getProperty("oomdoc.intentDump");
        if (file == null) return;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var t = rows.get(i).p().turn();
            lines.add(String.join("\t", t.set(), t.file(), String.valueOf(t.index()), t.intent(), got[i],
                    t.input().replace("\n", " ")));
        }
        Files.write(Path.of(file), lines);
    }

    static String[] rules(List<Row> rows) {
        return rows.stream().map(r -> r.p().state().signals().pastedFailure() ? Intent.NEW_FAILURE.json()
                : r.p().state().rule().json()).toArray(String[]::new);
    }

    /** Each fold's turns classified by weights fitted without their repositories. */
    static String[] crossValidate(List<Row> rows, double l2, Predicate<String> keep) {
        String[] got = new String[rows.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            final int f = fold;
            List<Row> train = rows.stream().filter(r -> fold(r) != f).toList();
            IntentModel model = new IntentModel(fit(train, l2, keep));
            for (int i = 0; i < rows.size(); i++) {
                if (fold(rows.get(i)) != f) continue;
                var s = rows.get(i).p().state();
                got[i] = keep.test("rule:") ? model.classify(s).json() : model.classify(withoutRule(s)).json();
            }
        }
        return got;
    }

    /** The features named after the rules' intent, taken out: the rule reads as no intent at all. */
    private static IntentFeatures.State withoutRule(IntentFeatures.State s) {
        return new IntentFeatures.State(s.signals(), null, s.previous());
    }

    static int fold(Row r) { return Math.floorMod(r.p().turn().group().hashCode() * 31 + 11, FOLDS); }

    static double accuracy(List<Row> rows, String[] got) { return accuracy(rows, got, s -> true); }

    static double accuracy(List<Row> rows, String[] got, Predicate<String> sets) {
        int right = 0, all = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!sets.test(rows.get(i).p().turn().set())) continue;
            all++;
            if (rows.get(i).label().equals(got[i])) right++;
        }
        return (double) right / all;
    }

    /** Accuracy overall and per set, and the commonest confusions. */
    static void report(String name, List<Row> rows, String[] got) {
        System.out.printf(Locale.ROOT, "== %s: %.3f%n", name, accuracy(rows, got));
        Map<String, int[]> bySet = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int[] n = bySet.computeIfAbsent(r.p().turn().set(), k -> new int[2]);
            n[1]++;
            if (r.label().equals(got[i])) n[0]++;
            else confusions.merge(r.label() + " -> " + got[i], 1, Integer::sum);
        }
        bySet.forEach((k, n) -> System.out.printf(Locale.ROOT, "   %-24s %d / %d%n", k, n[0], n[1]));
        confusions.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "   %4d  %s%n", e.getValue(), e.getKey()));
    }

    /** L2-regularised logistic regression (liblinear through Tribuo), as TrainReasoner fits the causes. */
    static LinearModel fit(List<Row> rows, double l2, Predicate<String> keep) {
        LabelFactory lf = new LabelFactory();
        List<org.tribuo.Example<Label>> data = new ArrayList<>();
        for (Row r : rows) {
            List<String> names = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            r.x().forEach((k, v) -> {
                if (keep.test(k)) { names.add(k); vals.add(k.startsWith("rule") ? v * ruleScale : v); }
            });
            data.add(new ArrayExample<>(new Label(r.label()), names.toArray(String[]::new),
                    vals.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        var set = new MutableDataset<>(new ListDataSource<>(data, lf, new SimpleDataSourceProvenance("turns", lf)));
        var trainer = new LibLinearClassificationTrainer(new LinearClassificationType(LinearType.L2R_LR), 1.0 / l2,
                TrainReasoner.MAX_ITERATIONS, TrainReasoner.TOLERANCE, TrainReasoner.SEED);
        if (balance > 0) {
            Map<String, Integer> counts = new TreeMap<>();
            for (Row r : rows) counts.merge(r.label(), 1, Integer::sum);
            int most = counts.values().stream().max(Integer::compare).orElse(1);
            Map<Label, Float> weights = new java.util.HashMap<>();
            counts.forEach((k, n) -> weights.put(new Label(k), (float) Math.pow((double) most / n, balance)));
            trainer.setLabelWeights(weights);
        }
        LinearModel m = export((LibLinearClassificationModel) trainer.train(set));
        return seenTable ? withSeen(m, rows) : m;
    }

    /** The seen|RULE rows: which labels the turns carry where the rules read each intent. */
    static LinearModel withSeen(LinearModel m, List<Row> rows) {
        Map<String, double[]> table = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            String name = IntentModel.SEEN + IntentFeatures.name(r.p().state().rule());
            table.computeIfAbsent(name, k -> new double[m.labels().size()])[m.labels().indexOf(r.label())] = 1;
        }
        return m.withRows(table);
    }

    /** As TrainReasoner.export, with the rules' rows scaled back to a value of 1 and the negligible rows left out. */
    static LinearModel export(LibLinearClassificationModel model) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        var outputs = model.getOutputIDInfo();
        var features = model.getFeatureIDMap();
        List<String> labels = new ArrayList<>();
        for (int id : inner.getLabels()) labels.add(outputs.getOutput(id).getLabel());
        Map<String, double[]> table = new java.util.LinkedHashMap<>();
        for (var info : features) {
            int index = features.getID(info.getName()) + 1;
            double scale = info.getName().startsWith("rule") ? ruleScale : 1.0;
            double[] row = new double[labels.size()];
            double largest = 0;
            for (int k = 0; k < labels.size(); k++) {
                row[k] = inner.getDecfunCoef(index, k) * scale;
                largest = Math.max(largest, Math.abs(row[k]));
            }
            if (largest >= PRUNE) table.put(info.getName(), row);
        }
        double[] bias = new double[labels.size()];
        for (int k = 0; k < labels.size(); k++) bias[k] = inner.getDecfunBias(k);
        table.put(LinearModel.BIAS, bias);
        return new LinearModel(labels, table).withScalar(IntentModel.TRUST, trust);
    }
}
