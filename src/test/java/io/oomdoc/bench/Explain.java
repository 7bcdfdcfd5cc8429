package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.List;
import java.util.Locale;

/** Prints the features of corpus cases and what each contributed to the label and to the answer. Run: bench/run.sh Explain ID... */
public final class Explain {
    public static void main(String[] args) {
        LinearModel m = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS);
        // The third split has been scored (round 5), so its cases can be explained like development ones.
        List<Case> cases = new java.util.ArrayList<>(Corpus.all());
        cases.addAll(Corpus.heldout5());
        cases.addAll(Corpus.heldout6()); // scored once in round 6: development data since round 7
        cases.addAll(Corpus.heldout7()); // scored once in the seventh session: development data since round 8
        cases.addAll(Corpus.heldout8()); // scored once in the eighth session
        cases.addAll(Corpus.heldout9()); // scored once in the ninth session: burned, read in the tenth
        cases.addAll(Corpus.heldout10()); // scored once in the tenth session: burned, read in the eleventh
        cases.addAll(Corpus.heldout11());
        for (Case c : cases) {
            if (!List.of(args).contains(c.id())) continue;
            var ex = TrainReasoner.examples(List.of(c)).get(0);
            var concl = Reasoner.bundled().conclude(ex.evidence());
            String said = concl.hypotheses().get(0).category().json();
            System.out.printf("%s: label %s, said %s (%s), phase %s/%s%n", c.id(), c.category(), said,
                    concl.hypotheses().stream().map(h -> h.category().json() + " " + h.confidence()).toList(), c.phase(), concl.phase());
            ex.x().values().forEach((f, v) -> {
                double a = m.contribution(f, v, c.category()), b = m.contribution(f, v, said);
                if (Math.abs(a) + Math.abs(b) > 0.05) System.out.printf(Locale.ROOT, "   %-40s label %+.2f  said %+.2f%n", f, a, b);
            });
            ex.x().values().keySet().stream().filter(f -> f.contains("phase") || f.startsWith("kind:"))
                    .forEach(f -> System.out.println("   phase input " + f));
        }
    }
}
