package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.TraceAnalysis;
import io.oomdoc.evidence.trace.TraceAnalyzer;
import io.oomdoc.evidence.trace.TraceFinding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Eighteenth session (diag18a, issue 12): the evidence layer's misses on the development part and on every burned
 * held-out corpus (5..21, all scored before, read for development): numbers that differ from the labels, memory
 * failures given no report, and the message family (primary parser) each case gets, per set. Not for an unread set.
 * Run: bench/run.sh EvidenceMisses [--families]
 */
public final class EvidenceMisses {
    private EvidenceMisses() {}

    static Map<String, Supplier<List<Case>>> burnedSets() {
        Map<String, Supplier<List<Case>>> sets = new LinkedHashMap<>();
        sets.put("dev", Corpus::development);
        sets.putAll(Corpus.burnedSplits());
        return sets;
    }

    public static void main(String[] args) throws Exception {
        boolean families = List.of(args).contains("--families");
        TraceBench.useBundledHyperparameters();
        TraceAnalyzer analyzer = new TraceAnalyzer();
        int numbersLabelled = 0, numbersExact = 0, unreported = 0;
        for (var set : burnedSets().entrySet()) {
            List<Case> cases = set.getValue().get();
            Scores s = CrossValidation.bundled(TrainReasoner.examples(cases));
            for (var o : s.outcomes()) {
                Case c = o.c();
                TraceAnalysis a = analyzer.analyze(LogText.of(o.withDescription() ? c.withDescription() : c.paste()));
                String family = a.primary().map(f -> f.parser() + "/" + f.kind()).orElse("none");
                String tag = set.getKey() + " " + c.id() + " [" + c.framework() + ", " + c.issueType() + "] family "
                        + family;
                if (o.unreported()) {
                    unreported++;
                    System.out.println("NO REPORT " + (o.withDescription() ? "desc " : "paste ") + tag + " got "
                            + o.issueType());
                }
                if (!o.withDescription()) continue;
                if (!c.numbers().isEmpty()) {
                    numbersLabelled++;
                    if (o.numbersExact()) numbersExact++;
                }
                if (!o.numbersExact()) System.out.println("NUMBERS " + tag + " want " + c.numbers() + " got "
                        + o.numbers());
                if (families) System.out.println("FAMILY " + tag + " issue " + o.issueType()
                        + (a.findings().size() > 1 ? " +" + a.findings().stream().skip(1)
                        .map(TraceFinding::parser).toList() : ""));
            }
        }
        System.out.printf("numbers exact %d of %d labelled; memory failures given no report %d (both modes)%n",
                numbersExact, numbersLabelled, unreported);
    }
}
