package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

/**
 * Lists the cases given no report and those whose numbers differ from the labels, with the bundled weights. Run:
 * bench/run.sh Inspect (development part), or with --all (every corpus part, the scored held-out splits included).
 */
public final class Inspect {
    public static void main(String[] args) {
        var cases = java.util.List.of(args).contains("--all")
                ? java.util.stream.Stream.of(Corpus.all(), Corpus.heldout5(), Corpus.heldout6(), Corpus.heldout7(),
                        Corpus.heldout8()).flatMap(java.util.List::stream).toList()
                : Corpus.development();
        var ex = TrainReasoner.examples(cases);
        Scores s = CrossValidation.bundled(ex);
        for (var o : s.outcomes()) {
            if (o.unreported()) System.out.println("NO REPORT " + (o.withDescription() ? "desc " : "paste ") + o.c().id() + ": "
                    + o.c().paste().replace('\n', ' ').substring(0, Math.min(140, o.c().paste().length())));
            if (o.withDescription() && !o.numbersExact()) System.out.println("NUMBERS " + o.c().id() + " want " + o.c().numbers() + " got " + o.numbers());
        }
    }
}
