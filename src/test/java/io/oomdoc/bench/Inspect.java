package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

/** Lists the development cases given no report and those whose numbers differ from the labels. Run: bench/run.sh Inspect */
public final class Inspect {
    public static void main(String[] args) {
        var ex = TrainReasoner.examples(Corpus.development());
        Scores s = CrossValidation.bundled(ex);
        for (var o : s.outcomes()) {
            if (o.unreported()) System.out.println("NO REPORT " + (o.withDescription() ? "desc " : "paste ") + o.c().id() + ": "
                    + o.c().paste().replace('\n', ' ').substring(0, Math.min(140, o.c().paste().length())));
            if (o.withDescription() && !o.numbersExact()) System.out.println("NUMBERS " + o.c().id() + " want " + o.c().numbers() + " got " + o.numbers());
        }
    }
}
