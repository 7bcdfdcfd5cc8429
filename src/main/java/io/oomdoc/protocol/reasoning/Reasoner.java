package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Hypothesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks causes and names the phase: features from the evidence, learned weights (bundled tables under
 * {@code model/}), then the allocator's physics as hard constraints. Weights are refitted with
 * {@code bench/run.sh TrainReasoner}.
 */
public final class Reasoner {
    public static final String CATEGORY_WEIGHTS = "model/category.tsv";
    public static final String PHASE_WEIGHTS = "model/phase.tsv";
    private static final int MAX_HYPOTHESES = 5;
    private static final int MAX_REASONS = 4;
    /** A reason shown for a cause adds at least this much to its logit (or to its margin over the others). */
    private static final double LEAST_SUPPORT = 0.05;
    private static final double LISTED = 0.02;

    private static volatile Reasoner bundled;

    private final FeatureExtractor features;
    private final LinearModel categoryModel;
    private final LinearModel phaseModel;

    public Reasoner(FeatureExtractor features, LinearModel categoryModel, LinearModel phaseModel) {
        this.features = features;
        this.categoryModel = categoryModel;
        this.phaseModel = phaseModel;
    }

    /** The word block's weights (see {@link Words}); each table is shipped only when cross-validation kept it. */
    public static final String CATEGORY_WORD_WEIGHTS = "model/category-words.tsv";
    public static final String PHASE_WORD_WEIGHTS = "model/phase-words-weights.tsv";

    public static synchronized Reasoner bundled() {
        if (bundled == null) {
            LinearModel catWords = LinearModel.optionalResource(CATEGORY_WORD_WEIGHTS);
            LinearModel phaseWords = LinearModel.optionalResource(PHASE_WORD_WEIGHTS);
            // No word table shipped: the block is off, and the text is not tokenised for nothing.
            bundled = new Reasoner(new FeatureExtractor(io.oomdoc.protocol.Signals.ALL, catWords != null
                    || phaseWords != null), withWords(LinearModel.resource(CATEGORY_WEIGHTS), catWords),
                    withWords(LinearModel.resource(PHASE_WEIGHTS), phaseWords));
        }
        return bundled;
    }

    private static LinearModel withWords(LinearModel m, LinearModel words) {
        return words == null ? m : m.with(words);
    }

    public FeatureExtractor features() { return features; }

    /** The cause model as it runs, word rows included when shipped. */
    LinearModel categoryModel() { return categoryModel; }

    /**
     * The expert prior added to the learned scores at a scale chosen by cross-validation (the row
     * {@value #PRIOR_SCALE} of the weights table): where the corpus is thin, what an expert knows still counts.
     */
    private double[] expertLogits(FeatureVector x, List<String> labels) {
        double scale = categoryModel.scalar(PRIOR_SCALE);
        double[] z = new double[labels.size()];
        for (int i = 0; i < z.length; i++) z[i] = scale * x.values().getOrDefault("prior:" + labels.get(i), 0.0);
        return z;
    }

    public static final String PRIOR_SCALE = "__prior_scale__";

    /** What the reasoning concludes: ranked causes, the phase, and whether it is a memory failure at all. */
    public record Conclusion(List<Hypothesis> hypotheses, String phase, String issueType, FeatureVector features) {}

    public Conclusion conclude(Evidence e) {
        return conclude(e, features.extract(e));
    }

    /**
     * The conclusion from features already extracted from {@code e} by this reasoner's extractor: a cross-validation
     * extracts each case once and concludes it in its fold, where extracting again was 80% of the folds' CPU.
     */
    public Conclusion conclude(Evidence e, FeatureVector x) {
        List<String> labels = categoryModel.labels();
        double[] p = categoryModel.probabilities(x, expertLogits(x, labels));
        Constraints.apply(e, x, labels, p);
        List<Hypothesis> ranked = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (p[i] < LISTED && !ranked.isEmpty()) continue;
            Category c = Category.valueOf(labels.get(i).toUpperCase(Locale.ROOT));
            ranked.add(new Hypothesis(c, Math.round(p[i] * 100) / 100.0, c.kb, reasons(x, labels.get(i))));
        }
        ranked.sort(Comparator.comparingDouble(Hypothesis::confidence).reversed());
        if (ranked.get(0).confidence() < LISTED) ranked.sort(Comparator.comparingDouble(h
                -> -p[labels.indexOf(h.category().json())]));
        List<Hypothesis> top = ranked.size() > MAX_HYPOTHESES ? ranked.subList(0, MAX_HYPOTHESES) : ranked;
        String issueType = Constraints.issueType(e, x, top.get(0).category());
        return new Conclusion(List.copyOf(top), phase(x, top.get(0).category()), issueType, x);
    }

    private String phase(FeatureVector x, Category cause) {
        double[] p = phaseModel.probabilities(withCause(x, cause.json()));
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        List<String> phases = phaseModel.labels();
        return Constraints.phase(x, cause, stated(x, phases.get(best),
                said -> phases.indexOf(said) < 0 || p[phases.indexOf(said)] >= WORDS_PLAUSIBLE));
    }

    /**
     * The least probability the phase model must give a phase the reporter's words name for the words to override
     * it: a phrase is evidence of a strength, and one the rest of the report contradicts (a "startup" phrase in a
     * report whose every other sign says training) is left to the model. Cases whose strongest phase evidence is
     * words (bench/run.sh WordsTrust): 0.1 is neutral in CV over trainable (427 of 546 both ways) and right 40 of 53
     * instead of 37 on the writers of heldout16+18 the weights never saw; 0.2 and over lose in CV.
     */
    static final double WORDS_PLAUSIBLE = 0.1;

    static String stated(FeatureVector x, String learned) {
        return stated(x, learned, said -> true);
    }

    /**
     * A phase the evidence states outright wins over the learned guess: a frame first, then a killed DataLoader
     * worker, then the reporter's words (the learned phase breaks a tie between several stated ones). A forward
     * frame is refined by the words and the learned phase ({@link #refineForward}).
     */
    static String stated(FeatureVector x, String learned, java.util.function.Predicate<String> plausible) {
        if (x.values().containsKey("frame-phase:forward")) return refineForward(x, learned);
        for (String source : new String[]{"frame-phase:", "trace-phase:dataloader", "words-phase:"}) {
            List<String> said = x.values().keySet().stream().filter(k -> k.startsWith(source))
                    .map(k -> k.substring(k.indexOf(':') + 1)).filter(k -> !source.equals("words-phase:")
                            || plausible.test(k)).sorted().toList();
            if (said.isEmpty()) continue;
            return said.contains(learned) ? learned : said.get(0);
        }
        // a forward the model reads from prose alone is refined as a forward frame is: a generative model run for
        // inference is generating (grouped CV over trainable, diag19b: phase 1235/1127 -> 1239/1126)
        return learned.equals("forward") && generativeInference(x) ? "generation" : learned;
    }

    /**
     * A forward frame is on the stack of every module call, so it is the least specific frame: a phase the
     * reporter's words name (generation, eval, load...) or a generation or evaluation that the learned model
     * reads from the rest of the text is where that forward ran. Measured on the development part's
     * cross-validated misses: inference pipelines whose innermost frame is an attention forward.
     */
    /**
     * Words that cannot place a model's forward: the loader's processes never run the model, so "num_workers" or
     * a loader warning beside a forward frame (Lightning's start-up lines, h200/oom_lightning.log) names a setting.
     */
    private static final java.util.Set<String> NOT_AROUND_A_FORWARD = java.util.Set.of("words-phase:forward",
            "words-phase:dataloader");

    private static String refineForward(FeatureVector x, String learned) {
        List<String> words = x.values().keySet().stream().filter(k -> k.startsWith("words-phase:")
                && !NOT_AROUND_A_FORWARD.contains(k)).map(k -> k.substring(k.indexOf(':') + 1)).sorted().toList();
        if (!words.isEmpty()) return words.contains(learned) ? learned : words.get(0);
        if (learned.equals("generation") || learned.equals("eval")) return learned;
        return generativeInference(x) ? "generation" : "forward";
    }

    /**
     * A generative model (LLM, diffusion, TTS) run for inference and not trained: its forward frames are steps of a
     * generation (the corpus labels; "inference" alone is no phase, see model/phase-words.tsv).
     */
    private static boolean generativeInference(FeatureVector x) {
        var v = x.values();
        return (v.containsKey("cue:phase-generative") || v.containsKey("log:phase-generative"))
                && (v.containsKey("cue:phase-inference") || v.containsKey("log:phase-inference"))
                && !v.containsKey("cue:phase-training") && !v.containsKey("log:phase-training");
    }

    /**
     * The phase model also reads the cause concluded: a KV-cache failure happens at start-up, a step-2 one in the step.
     */
    public static FeatureVector withCause(FeatureVector x, String cause) {
        var values = new java.util.HashMap<String, Double>();
        x.values().forEach((k, v) -> { if (PHASE_INPUTS.matcher(k).lookingAt()) values.put(k, v); });
        values.put(CAUSE_FEATURE + cause, 1.0);
        return new FeatureVector(values, x.reasons());
    }

    public static final String CAUSE_FEATURE = "cause:";

    private static final java.util.regex.Pattern PHASE_ONLY = java.util.regex.Pattern.compile(
            "(?:cue|log):(?:not-)?phase-");

    /** Features only the phase model reads (cue rows named phase-*); the category model is fitted without them. */
    public static boolean phaseOnly(String feature) { return PHASE_ONLY.matcher(feature).lookingAt(); }

    /**
     * Topic cues (the domain or the stack) say which reports a text resembles, not what ran out: fitted as causes
     * they learned the corpus's mix (speech pushed longest_batch by +1.6 because most speech reports were training
     * runs). The only one left in model/cues.tsv, Apple silicon, is read by the knowledge-entry choice alone.
     */
    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("(?:cue|log):(?:not-)?mps");

    /** Features the category model is fitted without: the phase model's own rows and the topic rows. */
    public static boolean notACause(String feature) {
        return phaseOnly(feature) || TOPIC.matcher(feature).matches();
    }

    /**
     * The features the phase model reads: where and when the text puts the failure, the message kind and the
     * cause. Topic words (diffusion, speech, quantization) say nothing about the phase; with a few hundred cases
     * they only add noise, so the phase model does not see them.
     */
    private static final java.util.regex.Pattern PHASE_INPUTS = java.util.regex.Pattern.compile(
            "(?:frame|trace|words)-phase:|l?w:|kind:|iteration:|input:|multi-rank|has-traceback|not-oom|kill-|"
                    + "(?:cue|log):(?:not-)?(?:eval|backward|forward|loading|startup|dataloader|generation|first|second"
                    + "|serving|host|firstcall|late|growth)$|(?:cue|log):(?:not-)?phase-");

    /**
     * The sentences of the features that pushed this label up most. A cause that wins because the signs speak
     * against every other (activations often do: no feature of their own fired) is shown with the signs that favour
     * it over the others on average, so a leading cause never stands without its evidence.
     */
    private List<String> reasons(FeatureVector x, String label) {
        List<String> out = strongest(x, r -> categoryModel.contribution(r, 1.0, label));
        return out.isEmpty() ? strongest(x, r -> relativeSupport(r, label)) : out;
    }

    private List<String> strongest(FeatureVector x, java.util.function.ToDoubleFunction<String> support) {
        List<Map.Entry<String, String>> fired = new ArrayList<>(x.reasons().entrySet());
        fired.removeIf(r -> support.applyAsDouble(r.getKey()) <= LEAST_SUPPORT);
        fired.sort(Comparator.comparingDouble(r -> -support.applyAsDouble(r.getKey())));
        List<String> out = new ArrayList<>();
        for (var r : fired) if (out.size() < MAX_REASONS && !out.contains(r.getValue())) out.add(r.getValue());
        return out;
    }

    /** How much more a fired feature adds to this label than to the other labels on average. */
    private double relativeSupport(String feature, String label) {
        List<String> labels = categoryModel.labels();
        double others = 0;
        for (String l : labels) if (!l.equals(label)) others += categoryModel.contribution(feature, 1.0, l);
        return categoryModel.contribution(feature, 1.0, label) - others / Math.max(1, labels.size() - 1);
    }
}
