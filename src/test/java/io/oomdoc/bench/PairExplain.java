package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.List;
import java.util.Locale;

/**
 * For a confusion pair (LABEL, SAID) and report ids of Corpus.trainable(): each report's typed features (words left
 * out) with what the bundled weights give them toward the label and toward what was said, description + paste.
 * Run: bench/run.sh PairExplain LABEL SAID ID...
 */
public final class PairExplain {
    private PairExplain() {}

    public static void main(String[] args) {
        LinearModel m = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS);
        String label = args[0], said = args[1];
        List<String> ids = List.of(args).subList(2, args.length);
        for (Case c : Corpus.trainable()) {
            if (!ids.contains(c.id())) continue;
            var ex = TrainReasoner.examples(List.of(c)).stream().filter(TrainReasoner.Example::withDescription)
                    .findFirst().orElseThrow();
            StringBuilder sb = new StringBuilder();
            ex.x().values().forEach((f, v) -> {
                if (f.startsWith("w:") || f.startsWith("lw:")) return;
                double a = m.contribution(f, v, label), b = m.contribution(f, v, said);
                sb.append(String.format(Locale.ROOT, " %s(%+.1f/%+.1f)", f, a, b));
            });
            System.out.println(c.id() + ":" + sb);
        }
    }
}
