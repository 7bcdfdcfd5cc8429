package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.reasoning.FeatureVector;
import io.oomdoc.protocol.reasoning.LinearModel;

import java.util.Locale;

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

    private final LinearModel model;

    public IntentModel(LinearModel model) { this.model = model; }

    /** The bundled weights, read once per process. */
    public static IntentModel bundled() { return Holder.BUNDLED; }

    private static final class Holder {
        static final IntentModel BUNDLED = new IntentModel(LinearModel.resource(WEIGHTS));
    }

    public LinearModel linear() { return model; }

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
