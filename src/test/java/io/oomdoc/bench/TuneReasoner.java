package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.util.List;
import java.util.Locale;

/** Grid over the trainer's knobs, scored by grouped cross-validation on the development part only. */
public final class TuneReasoner {
    public static void main(String[] args) {
        var ex = TrainReasoner.examples(Corpus.development());
        for (int minGroups : new int[]{1000}) {
            TrainReasoner.minGroupsPerWord = minGroups;
            for (int epochs : new int[]{20}) {
                TrainReasoner.epochs = epochs;
                for (double l2 : new double[]{1.0, 3.0, 10.0}) {
                    Scores s = CrossValidation.run(ex, l2, TrainReasoner.FOLDS);
                    System.out.printf(Locale.ROOT, "minGroups %4d epochs %2d l2 %.2f: top-1 %.3f%n", minGroups, epochs, l2,
                            s.top1WithDescription());
                }
            }
        }
    }
}
