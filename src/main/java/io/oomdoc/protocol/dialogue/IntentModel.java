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
        return best(IntentFeatures.of(s), s.signals().pending());
    }

    /** The likeliest intent; an answer only when oomdoc has a question pending that the turn can fill. */
    private Intent best(FeatureVector x, boolean pending) {
        double[] p = model.probabilities(x);
        int top = -1;
        for (int i = 0; i < p.length; i++) {
            Intent candidate = intent(i);
            if (candidate == Intent.ANSWER && !pending) continue;
            if (top < 0 || p[i] > p[top]) top = i;
        }
        return intent(top);
    }

    private Intent intent(int label) { return Intent.valueOf(model.labels().get(label).toUpperCase(Locale.ROOT)); }
}
