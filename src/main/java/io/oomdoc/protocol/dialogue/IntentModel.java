package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.reasoning.FeatureVector;
import io.oomdoc.protocol.reasoning.LinearModel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The intent learned from the labelled turns of the conversation sets (bench/run.sh TrainIntents writes the weights):
 * a linear model over {@link IntentFeatures}. A pasted failure stays a new failure whatever the words say, and the
 * rules' answers and corrections stand: the rules are nearly certain of those, and the model has seen few.
 */
public final class IntentModel {
    public static final String WEIGHTS = "model/intent.tsv";
    /** The header line that records which features and which data the table was fitted on. */
    public static final String FITTED_ON = "fitted-on";
    /**
     * The row that holds how sure the model must be to overrule the rules: below it the rules' intent stands. Chosen
     * by the trainer's cross-validation; not a feature.
     */
    public static final String TRUST = "__trust__";
    /**
     * Rows "seen|RULE": 1 under each intent the labelled turns carry where the rules read RULE, 0 under the others.
     * The model chooses among those: where the rules read a statement ("batch 8") no labelled turn was small talk.
     */
    public static final String SEEN = "seen|";

    /** Words that tell of something going wrong (a failure, a symptom, a complaint) or of the moment it happens. */
    private static final Pattern TROUBLE = Pattern.compile("(?i)\\b(?:oom|out of (?:\\w+ )?(?:memory|ram|vram)|fail\\w*"
            + "|crash\\w*|error\\w*|exceed\\w*|killed|dies|died|hangs?|freez\\w*|slow\\w*|stuck|forever|can'?t|cannot"
            + "|couldn'?t|doesn'?t|does not|won'?t|not (?:work|fit|enough|released|freed|use)\\w*|instead|restarts?"
            + "|too (?:much|many|high|large)|more than|much more|grows?|growing|creeps?|climbs?|leak\\w*|fills?|filled"
            + "|full|problem|issue|bug|unexpected\\w*|strange|weird|overflow\\w*|imbalanced|uneven|allocat\\w*"
            + "|spike\\w*|explod\\w*|insufficient|unsufficient"
            // "when i run it with: python -m vllm...": the moment something happens (35 labelled turns, 25 failures)
            + "|(?:when|whenever|once|after|as soon as) (?:i|we) (?:run|start|launch|load|call|try|execute|use|begin))"
            + "\\b");

    /** A word or an amount of memory: "16GB of VRAM", "2.6 GB of system RAM", "1.65x". */
    private static final Pattern MEMORY = Pattern.compile("(?i)\\b(?:memory|ram|vram|swap|oom)\\b"
            + "|\\d\\s*(?:[kmgt]i?b|gb|mb)\\b|\\d(?:\\.\\d+)?x\\b");

    /**
     * A word of size, count, card, memory or running, or a number: what a fit question is asked with. Of the 884
     * labelled turns (sets 1-21) without one, 2 are fit questions ("what's the smallest setup to serve it"), and the
     * rules read one of them as fit. A digit inside a name ("load_in_4bit", "a100") is no number: of the 6,105
     * labelled turns (sets 1-29), 83 have a digit only there and no other cue, and none of them is a fit question.
     */
    private static final Pattern FIT_CUE = Pattern.compile("(?i)\\b(?:fit|fits|fitting|enough|batch|how (?:many|much"
            + "|big|large|long)|max\\w*|largest|biggest|smallest|run|load|hold|handle|support|vram|memory|gb|gpu|card)"
            + "\\b|(?<![a-z_])\\d");
    /**
     * "what --max-model-len fits?", "which batch size fits": asks for the setting that fits. Of the 31 labelled turns
     * (sets 1-29) so worded, 26 are fit questions and 4 follow-ups (asked of a failure held, FORMAT.md's boundary):
     * where the rules read one as fit, the model may make it a follow-up but no third thing.
     */
    /**
     * "any plan to monitor the GPU memory usage with rocm-smi?": asks for a way to watch memory, not whether a job
     * fits. Of the 18 labelled turns (sets 1-29) so worded, 9 are how-tos, 8 new failures, none a fit question.
     */
    private static final Pattern WATCHES_MEMORY = Pattern.compile("(?i)\\b(?:monitor|track|watch|log|measure|profil)"
            + "\\w*\\b[^.?!]{0,40}\\b(?:usage|memory|vram)\\b");
    private static final Pattern WHAT_FITS = Pattern.compile("(?i)\\b(?:what|which)\\b[^.?!]{0,40}\\bfits?\\b");
    /**
     * "and on an A100 80GB?", "and with LoRA on the fp16 model?": the elliptical what-if. Of the 32 labelled turns
     * (sets 1-21) so opened that the rules read as a what-if, 27 are labelled one, 3 fit and 2 follow-up; the two
     * follow-ups ask whether the change still helps ("and on an old K80, would 16-mixed still save memory?",
     * FORMAT.md's boundary), and no what-if has such a word.
     */
    private static final Pattern ELLIPTICAL = Pattern.compile("(?i)^\\s*(?:and|what about|how about)\\s+(?:on|with"
            + "|at|for)\\b(?!.*\\b(?:help|helps|save|saves|worth|still|matter|matters)\\b)");

    private final LinearModel model;

    public IntentModel(LinearModel model) { this.model = model; }

    /** The bundled weights, read once per process. */
    public static IntentModel bundled() { return Holder.BUNDLED; }

    private static final class Holder {
        static final IntentModel BUNDLED = new IntentModel(LinearModel.resource(WEIGHTS));
    }

    public Intent classify(IntentFeatures.State s) {
        if (s.signals().pastedFailure()) return Intent.NEW_FAILURE;
        // An answer the rules saw fill oomdoc's own question, a correction they read in "actually"/"I meant": on the
        // labelled turns the rules are right on most of these and the model, having seen few, names them seldom.
        if (s.rule() == Intent.ANSWER && s.signals().pending() || s.rule() == Intent.CORRECTION) return s.rule();
        Intent chosen = best(IntentFeatures.of(s), s.signals().pending(), s.rule());
        // "batch 8" states a fact: of 551 labelled turns that state one and that the rules read as more than chat,
        // none is small talk. "how do I estimate what ZeRO-3 offload needs": of 43 the rules read as a fit question,
        // none is a how-to (a sizing question asks for a number, not a snippet).
        if (chosen == Intent.SMALL_TALK && s.signals().asserts() && s.rule() != null && s.rule() != Intent.SMALL_TALK
                || chosen == Intent.HOW_TO && s.rule() == Intent.FIT) return s.rule();
        String text = s.signals().text() == null ? "" : s.signals().text();
        if (chosen == Intent.FIT && s.rule() != Intent.FIT && WATCHES_MEMORY.matcher(text).find()) return Intent.HOW_TO;
        if (chosen == Intent.FIT && s.rule() != null && s.rule() != Intent.FIT && !FIT_CUE.matcher(text).find()
                || chosen != Intent.WHAT_IF && s.rule() == Intent.WHAT_IF && ELLIPTICAL.matcher(text).find()
                || chosen != Intent.FIT && chosen != Intent.FOLLOW_UP && s.rule() == Intent.FIT
                        && WHAT_FITS.matcher(text).find()) {
            return s.rule();
        }
        // "I train llama-3.1-8b on an RTX 4090 with batch size 4" states a setup: a turn the rules read as a
        // statement, with no failure described, no word of trouble and no word or amount of memory in it, reports no
        // failure. Of the 42 labelled turns (sets 1-19) that are a new failure where the rules read a statement, 36
        // carry a word of trouble and the other 6 a memory figure; 14 labelled statements carry neither.
        if (chosen == Intent.NEW_FAILURE && s.rule() == Intent.STATEMENT && !s.signals().describesFailure()
                && !TROUBLE.matcher(s.signals().text()).find() && !MEMORY.matcher(s.signals().text()).find()) {
            return s.rule();
        }
        return chosen;
    }

    /**
     * The likeliest intent, unless the model is less sure of it than {@link #TRUST} ("batch 8": small talk 0.27,
     * an answer 0.27, a statement 0.17), where the rules' reading stands; an answer only to a pending question.
     */
    private Intent best(FeatureVector x, boolean pending, Intent rule) {
        double[] p = model.probabilities(x);
        int top = -1;
        for (int i = 0; i < p.length; i++) {
            Intent candidate = intent(i);
            if (candidate == Intent.ANSWER && !pending || !seen(rule, i)) continue;
            if (top < 0 || p[i] > p[top]) top = i;
        }
        boolean ruleMayStand = rule != null && (rule != Intent.ANSWER || pending);
        return ruleMayStand && p[top] < model.scalar(TRUST) ? rule : intent(top);
    }

    /** Whether the labelled turns read as {@code rule} by the rules carry the label; true without a table. */
    private boolean seen(Intent rule, int label) {
        String row = SEEN + IntentFeatures.name(rule);
        return rule == null || !model.knows(row) || model.contribution(row, 1, model.labels().get(label)) > 0;
    }

    private Intent intent(int label) { return Intent.valueOf(model.labels().get(label).toUpperCase(Locale.ROOT)); }
}
