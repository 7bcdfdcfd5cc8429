package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scratch reader for the label-only confusions (diag19a): for the trainable reports named, one input mode, the
 * bundled weights' push of each feature towards label A minus label B (expert prior included at its scale), largest
 * first. Development data only. Run: bench/run.sh ExplainPair desc|paste LABEL_A LABEL_B ID...
 */
public final class ExplainPair {
    private ExplainPair() {}

    public static void main(String[] args) {
        TrainReasoner.quiet();
        boolean desc = args[0].equals("desc");
        String a = args[1], b = args[2];
        Set<String> ids = Set.copyOf(List.of(args).subList(3, args.length));
        LinearModel m = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS)
                .with(LinearModel.optionalResource(Reasoner.CATEGORY_WORD_WEIGHTS));
        double scale = m.scalar(Reasoner.PRIOR_SCALE);
        var cases = Corpus.trainable().stream().filter(c -> ids.contains(c.id())).toList();
        for (var e : TrainReasoner.examples(cases)) {
            if (e.withDescription() != desc) continue;
            List<String[]> rows = new ArrayList<>();
            double total = m.contribution(LinearModel.BIAS, 1, a) - m.contribution(LinearModel.BIAS, 1, b);
            for (var f : e.x().values().entrySet()) {
                double d = m.contribution(f.getKey(), f.getValue(), a) - m.contribution(f.getKey(), f.getValue(), b);
                if (f.getKey().equals("prior:" + a)) d += scale * f.getValue();
                if (f.getKey().equals("prior:" + b)) d -= scale * f.getValue();
                total += d;
                if (Math.abs(d) >= 0.05) rows.add(new String[] {f.getKey(), String.format(Locale.ROOT, "%+.2f", d)});
            }
            rows.sort((x, y) -> Double.compare(Math.abs(Double.parseDouble(y[1])), Math.abs(Double.parseDouble(x[1]))));
            System.out.printf(Locale.ROOT, "== %s  %s - %s = %+.2f (bias %+.2f)%n", e.c().id(), a, b, total,
                    m.contribution(LinearModel.BIAS, 1, a) - m.contribution(LinearModel.BIAS, 1, b));
            StringBuilder sb = new StringBuilder("   ");
            for (String[] r : rows) sb.append(r[0]).append(' ').append(r[1]).append("  ");
            System.out.println(sb);
        }
    }
}
