package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.reasoning.FeatureExtractor;
import io.oomdoc.protocol.reasoning.FeatureVector;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;
import io.oomdoc.protocol.reasoning.Vocabulary;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fits the reasoning weights on Corpus.trainable() (the development part, corpus_heldout5 since round 6 of issue
 * 12, corpus_heldout6 since round 7, corpus_heldout7 and corpus_heldout8 since the ninth session, corpus_heldout9
 * since the tenth, corpus_heldout10 and 11 since the eleventh, 12 and 13 since the thirteenth, 14 and 15 since the
 * fourteenth; never the final split, see Corpus) and writes them to src/main/resources/model/. The regularisation is chosen by grouped cross-validation.
 * Run: bench/run.sh TrainReasoner (to refit with the hyperparameters kept: JAVA_OPTS="-Doomdoc.l2=3 -Doomdoc.prior=4
 * -Doomdoc.phaseL2=3" bench/run.sh TrainReasoner)
 */
public final class TrainReasoner {
    static final double[] L2_GRID = {1.0, 3.0, 10.0};
    static final int FOLDS = 5;
    static final double[] PRIOR_GRID = {0.0, 1.0, 2.0, 4.0, 8.0};
    /** The expert prior's scale in use (set by the grid in main; read from the bundled table by the benchmarks). */
    static double priorScale = 0.0;
    static final double[] PHASE_L2_GRID = {0.1, 0.3, 1.0, 3.0};
    /** The phase model's regularisation (chosen on phase accuracy by the grid in main). */
    static double phaseL2 = 1.0;
    private static double bestPhaseL2 = 1.0;
    static int epochs = Integer.getInteger("oomdoc.epochs", 40);
    /**
     * The training target (diag22a): with N above 0 the cause model sees each report N times under its label and once
     * under each accepted alternative, so an alternative weighs 1/N of the label in the loss (liblinear through Tribuo
     * ignores example weights, hence copies); the L2 is scaled by N so the data term keeps its weight. 0: label only.
     */
    static int altCopies = Integer.getInteger("oomdoc.altCopies", 0);
    /**
     * Class-balanced fit (diag26a, measured by grouped CV, not adopted): with oomdoc.balance=P above 0 the cause model
     * sees each report round((largest class / its class)^P) times, P 1 weighing every category the same (liblinear
     * through Tribuo ignores example weights, hence copies); the L2 is scaled by the growth of the data set so the
     * data term keeps its weight. Asks whether the activations_batch sink is the class prior's doing.
     */
    static double balance = Double.parseDouble(System.getProperty("oomdoc.balance", "0"));
    /**
     * The prior over categories (diag22a): a shift added to a class's bias after the fit, "CATEGORY:DELTA,..." in
     * oomdoc.biasShift (the phase model's labels are not categories, so it is untouched).
     */
    static final Map<String, Double> BIAS_SHIFT = biasShift(System.getProperty("oomdoc.biasShift", ""));

    private static Map<String, Double> biasShift(String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) continue;
            int colon = part.lastIndexOf(':');
            out.put(part.substring(0, colon).strip(), Double.parseDouble(part.substring(colon + 1)));
        }
        return out;
    }
    static final long SEED = 20261125L;
    static final int MAX_ITERATIONS = 1000;
    static final double TOLERANCE = 0.01;

    /**
     * The word block (protocol/reasoning/Words): whether the category model and the phase model read word features,
     * the least number of groups (repositories) whose reports use a token for it to enter the vocabulary, and the
     * value a word feature has while fitting (with one L2 for all rows, a larger value regularises words less).
     * Unset, each takes what the bundled word tables say (see {@link #useBundledWordSettings}).
     */
    static boolean words;
    static boolean phaseWords;
    static int wordK = 5;
    static double wordScale = 1.0;
    /**
     * Which word features each model reads, by the start of their name: "" all, "w:" the prose's tokens, "lw:" the
     * log's tokens.
     */
    static String wordPrefix = "";
    static String phaseWordPrefix = "";

    /** The word block's settings, for the benches' titles. */
    static String wordSettings() {
        if (!words && !phaseWords) return "no word block";
        return (words ? wordSettings(false) : "") + (words && phaseWords ? "; " : "")
                + (phaseWords ? wordSettings(true) : "");
    }

    /** One model's word settings, as its table's header states them (read back by useBundledWordSettings). */
    static String wordSettings(boolean phase) {
        return "word block for the " + (phase ? "phase" : "cause") + " (K " + wordK + " groups, scale " + wordScale
                + ", features named " + (phase ? phaseWordPrefix : wordPrefix) + "*)";
    }

    private static final java.util.regex.Pattern WORD_HEADER = java.util.regex.Pattern.compile(
            "K (\\d+) groups, scale ([0-9.]+), features named ([^*]*)\\*");

    /** The settings the shipped word tables were written with, each overridden by its oomdoc.word* property. */
    static void useBundledWordSettings() throws java.io.IOException {
        String cat = header(Reasoner.CATEGORY_WORD_WEIGHTS), phase = header(Reasoner.PHASE_WORD_WEIGHTS);
        var m = WORD_HEADER.matcher(cat != null ? cat : phase != null ? phase : "");
        if (m.find()) {
            wordK = Integer.parseInt(m.group(1));
            wordScale = Double.parseDouble(m.group(2));
            wordPrefix = m.group(3);
        }
        var p = WORD_HEADER.matcher(phase != null ? phase : "");
        if (p.find()) phaseWordPrefix = p.group(3);
        words = Boolean.parseBoolean(System.getProperty("oomdoc.words", String.valueOf(cat != null)));
        phaseWords = Boolean.parseBoolean(System.getProperty("oomdoc.phaseWords", String.valueOf(phase != null)));
        wordK = Integer.getInteger("oomdoc.wordK", wordK);
        wordScale = Double.parseDouble(System.getProperty("oomdoc.wordScale", String.valueOf(wordScale)));
        wordPrefix = System.getProperty("oomdoc.wordPrefix", wordPrefix);
        phaseWordPrefix = System.getProperty("oomdoc.phaseWordPrefix", phaseWordPrefix);
    }

    private static String header(String resource) throws java.io.IOException {
        try (var in = TrainReasoner.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readNBytes(4000), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** One case as the reasoning sees it, in one of the two input modes. */
    public record Example(Case c, boolean withDescription, Evidence evidence, FeatureVector x) {}

    public static void main(String[] args) throws Exception {
        quiet();
        useBundledWordSettings();
        List<Case> dev = Corpus.trainable();
        List<Example> ex = examples(dev);
        double[] l2Grid = grid("oomdoc.l2", L2_GRID), priorGrid = grid("oomdoc.prior", PRIOR_GRID);
        double[] phaseGrid = grid("oomdoc.phaseL2", PHASE_L2_GRID);
        boolean chosenBefore = l2Grid.length == 1 && priorGrid.length == 1;
        double best = l2Grid[0], bestScore = -1, bestPrior = priorGrid[0];
        for (double l2 : chosenBefore ? new double[0] : l2Grid) {
            for (double prior : priorGrid) {
                double score = CrossValidation.run(ex, l2, FOLDS, prior).top1WithDescription();
                System.out.printf(java.util.Locale.ROOT, "l2 %.4f prior %.2f: cross-validated top-1 (description + paste) %.3f%n",
                        l2, prior, score);
                if (score > bestScore) { bestScore = score; best = l2; bestPrior = prior; }
            }
        }
        priorScale = bestPrior;
        double bestPhase = -1;
        bestPhaseL2 = phaseGrid[0];
        for (double l2 : phaseGrid.length == 1 ? new double[0] : phaseGrid) {
            phaseL2 = l2;
            double score = CrossValidation.run(ex, best, FOLDS, bestPrior).phaseAccuracy();
            System.out.printf(java.util.Locale.ROOT, "phase l2 %.3f: cross-validated phase accuracy %.3f%n", l2, score);
            if (score > bestPhase) { bestPhase = score; bestPhaseL2 = l2; }
        }
        phaseL2 = bestPhaseL2;
        LinearModel cat = fit(ex, x -> x.c().category(), best).withScalar(Reasoner.PRIOR_SCALE, bestPrior);
        LinearModel phase = fitPhase(ex, phaseL2);
        String note = "Fitted by bench/run.sh TrainReasoner on Corpus.trainable(): the development part of the "
                + "corpus and corpus_heldout5 to corpus_heldout21 ("
                + dev.size()
                + " cases, both input modes), l2 " + best + ", phase-l2 " + phaseL2 + " and expert-prior scale "
                + bestPrior + "; by " + FOLDS + "-fold grouped cross-validation over l2 " + Arrays.toString(l2Grid)
                + ", expert-prior " + Arrays.toString(priorGrid) + ", phase-l2 " + Arrays.toString(phaseGrid)
                + " (a single value is one kept from an earlier search).";
        Path dir = Path.of("src/main/resources");
        Files.writeString(dir.resolve(Reasoner.CATEGORY_WEIGHTS), cat.rows(f -> !Vocabulary.isWord(f)).write(note));
        Files.writeString(dir.resolve(Reasoner.PHASE_WEIGHTS), phase.rows(f -> !Vocabulary.isWord(f)).write(note));
        String rows = ": one row per word feature (w: the reporter's prose, lw: the log's lines), the vocabulary "
                + "being every token that reports of K groups use.\n";
        writeOrDrop(dir.resolve(Reasoner.CATEGORY_WORD_WEIGHTS), words, cat, "The " + wordSettings(false) + rows + note);
        writeOrDrop(dir.resolve(Reasoner.PHASE_WORD_WEIGHTS), phaseWords, phase, "The " + wordSettings(true) + rows
                + note);
        System.out.println("wrote " + Reasoner.CATEGORY_WEIGHTS + " and " + Reasoner.PHASE_WEIGHTS + " (l2 " + best
                + "), " + wordSettings());
    }

    /** A word table is shipped only for a model that reads words: its absence turns the block off at run time. */
    private static void writeOrDrop(Path file, boolean on, LinearModel m, String note) throws java.io.IOException {
        if (on) Files.writeString(file, m.rows(Vocabulary::isWord).write(note));
        else Files.deleteIfExists(file);
    }

    /**
     * A grid from a system property (comma-separated) or the default. A single value skips the search: the
     * weights are refitted with hyperparameters an earlier cross-validation chose, which costs minutes, not an hour.
     */
    static double[] grid(String property, double[] fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) return fallback;
        return java.util.Arrays.stream(v.split(",")).mapToDouble(x -> Double.parseDouble(x.strip())).toArray();
    }

    /** Held so the logging framework cannot drop the level setting with a collected logger. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
    }

    public static List<Example> examples(List<Case> cases) {
        quiet();
        Diagnoser d = new Diagnoser();
        FeatureExtractor fx = new FeatureExtractor();
        List<Example> out = new ArrayList<>();
        for (Case c : cases) {
            for (boolean desc : new boolean[]{true, false}) {
                String text = desc ? c.withDescription() : c.paste();
                Evidence e = d.evidence(LogText.of(text), null, Facts.EMPTY, null, null, null, new ArrayList<>());
                out.add(new Example(c, desc, e, fx.extract(e)));
            }
        }
        if (!fx.broken().isEmpty()) throw new IllegalStateException("rules threw while reading the corpus: " + fx.broken());
        return out;
    }

    /** L2-regularised logistic regression over the examples' features (liblinear through Tribuo), one class against the rest. */
    public static LinearModel fit(List<Example> ex, Function<Example, String> label, double l2) {
        return fit(ex, label, l2, false);
    }

    /** With {@code phase}, the features only the phase model reads are kept; without, they are left out. */
    static LinearModel fit(List<Example> ex, Function<Example, String> label, double l2, boolean phase) {
        LabelFactory lf = new LabelFactory();
        List<org.tribuo.Example<Label>> rows = new ArrayList<>();
        Set<String> vocabulary = (phase ? phaseWords : words) ? vocabulary(ex, wordK) : Set.of();
        String prefix = phase ? phaseWordPrefix : wordPrefix;
        Map<String, Long> perClass = ex.stream().collect(java.util.stream.Collectors.groupingBy(label,
                java.util.stream.Collectors.counting()));
        long largest = perClass.values().stream().mapToLong(Long::longValue).max().orElse(1);
        for (Example e : ex) {
            List<String> names = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            for (var f : e.x().values().entrySet()) {
                if (!phase && Reasoner.notACause(f.getKey())) continue;
                boolean word = Vocabulary.isWord(f.getKey());
                if (word && (!vocabulary.contains(f.getKey()) || !f.getKey().startsWith(prefix))) continue;
                names.add(f.getKey());
                vals.add(word ? f.getValue() * wordScale : f.getValue());
            }
            if (names.isEmpty()) { names.add("input:empty"); vals.add(1.0); }
            String[] n = names.toArray(String[]::new);
            double[] v = vals.stream().mapToDouble(Double::doubleValue).toArray();
            boolean alts = !phase && altCopies > 0;
            int copies = !phase && balance > 0 ? (int) Math.max(1, Math.round(Math.pow(largest
                    / (double) perClass.get(label.apply(e)), balance))) : 1;
            for (int i = 0; i < (alts ? altCopies : copies); i++) {
                rows.add(new ArrayExample<>(new Label(label.apply(e)), n, v));
            }
            if (alts) for (String alt : e.c().alternatives()) rows.add(new ArrayExample<>(new Label(alt), n, v));
        }
        double reg = !phase && altCopies > 0 ? l2 * altCopies : !phase && balance > 0
                ? l2 * rows.size() / ex.size() : l2;
        var data = new MutableDataset<>(new ListDataSource<>(rows, lf,
                new SimpleDataSourceProvenance("oomdoc corpus", lf)));
        var trainer = new LibLinearClassificationTrainer(new LinearClassificationType(LinearType.L2R_LR), 1.0 / reg,
                MAX_ITERATIONS, TOLERANCE, SEED);
        return export((LibLinearClassificationModel) trainer.train(data), wordScale);
    }

    /** The word features that reports of at least k groups of these examples use (the vocabulary of one fit). */
    static Set<String> vocabulary(List<Example> ex, int k) {
        Vocabulary v = new Vocabulary();
        for (Example e : ex) v.add(e.c().group(), e.x().values().keySet());
        return v.select(k);
    }

    /** The phase model reads the labelled cause while fitting and the concluded cause when it runs. */
    public static LinearModel fitPhase(List<Example> ex, double l2) {
        List<Example> withCause = ex.stream().map(e -> new Example(e.c(), e.withDescription(), e.evidence(),
                Reasoner.withCause(e.x(), e.c().category()))).toList();
        return fit(withCause, x -> x.c().phase(), l2, true);
    }

    /** liblinear keeps one weight per (feature, class) plus a bias feature; Tribuo numbers both from zero. */
    static LinearModel export(LibLinearClassificationModel model, double wordScale) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        var outputs = model.getOutputIDInfo();
        var features = model.getFeatureIDMap();
        int[] classIds = inner.getLabels();
        List<String> labels = new ArrayList<>();
        for (int id : classIds) labels.add(outputs.getOutput(id).getLabel());
        Map<String, double[]> table = new LinkedHashMap<>();
        for (var info : features) {
            int index = features.getID(info.getName()) + 1;
            double[] row = new double[labels.size()];
            // A word was fitted at value wordScale and reads 1 at run time: its weight carries the scale.
            double scale = Vocabulary.isWord(info.getName()) ? wordScale : 1.0;
            for (int k = 0; k < labels.size(); k++) row[k] = inner.getDecfunCoef(index, k) * scale;
            table.put(info.getName(), row);
        }
        double[] bias = new double[labels.size()];
        for (int k = 0; k < labels.size(); k++) {
            bias[k] = inner.getDecfunBias(k) + BIAS_SHIFT.getOrDefault(labels.get(k), 0.0);
        }
        table.put(LinearModel.BIAS, bias);
        return new LinearModel(labels, table);
    }
}
