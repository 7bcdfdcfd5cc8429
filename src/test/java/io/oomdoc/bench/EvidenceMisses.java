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
 * The evidence layer's misses on every burned corpus case (Corpus.trainable(): the development part and the
 * held-out splits 5..30, all scored before and read for development): numbers that differ from the labels, with
 * the expected and the decoded figures, memory failures given no report, and the message family (primary parser)
 * each case gets. Totals per set and for two sides: "choose" (dev, h5..h24: the side that parser changes are judged
 * on) and "check" (h25..h30: looked at only after a change is made). Not for an unread set.
 * Run: bench/run.sh EvidenceMisses [--families] [--totals]
 */
public final class EvidenceMisses {
    private EvidenceMisses() {}

    /** The first split of the check side: h25..h30 are the newest burned sets. */
    static final int FIRST_CHECK_SPLIT = 25;

    static Map<String, Supplier<List<Case>>> burnedSets() {
        Map<String, Supplier<List<Case>>> sets = new LinkedHashMap<>();
        sets.put("dev", Corpus::development);
        sets.putAll(Corpus.burnedSplits());
        List<Supplier<List<Case>>> later = List.of(Corpus::heldout22, Corpus::heldout23, Corpus::heldout24,
                Corpus::heldout25, Corpus::heldout26, Corpus::heldout27, Corpus::heldout28, Corpus::heldout29,
                Corpus::heldout30);
        for (int i = 0; i < later.size(); i++) sets.put("h" + (i + 22), later.get(i));
        return sets;
    }

    static boolean checkSide(String set) {
        return set.startsWith("h") && Integer.parseInt(set.substring(1)) >= FIRST_CHECK_SPLIT;
    }

    public static void main(String[] args) throws Exception {
        boolean families = List.of(args).contains("--families");
        boolean totalsOnly = List.of(args).contains("--totals");
        TraceBench.useBundledHyperparameters();
        TraceAnalyzer analyzer = new TraceAnalyzer();
        int[][] side = new int[2][3];
        for (var set : burnedSets().entrySet()) {
            List<Case> cases = set.getValue().get();
            int[] t = new int[3];
            Scores s = CrossValidation.bundled(TrainReasoner.examples(cases));
            for (var o : s.outcomes()) {
                Case c = o.c();
                TraceAnalysis a = analyzer.analyze(LogText.of(o.withDescription() ? c.withDescription() : c.paste()));
                String family = a.primary().map(f -> f.parser() + "/" + f.kind()).orElse("none");
                String tag = set.getKey() + " " + c.id() + " [" + c.framework() + ", " + c.issueType() + "] family "
                        + family;
                if (o.unreported()) {
                    t[2]++;
                    if (!totalsOnly) System.out.println("NO REPORT " + (o.withDescription() ? "desc " : "paste ")
                            + tag + " got " + o.issueType());
                }
                if (!o.withDescription()) continue;
                if (!c.numbers().isEmpty()) {
                    t[0]++;
                    if (o.numbersExact()) t[1]++;
                }
                if (!o.numbersExact() && !totalsOnly) System.out.println("NUMBERS " + tag + " want " + c.numbers()
                        + " got " + o.numbers());
                if (families && !totalsOnly) System.out.println("FAMILY " + tag + " issue " + o.issueType()
                        + (a.findings().size() > 1 ? " +" + a.findings().stream().skip(1)
                        .map(TraceFinding::parser).toList() : ""));
            }
            System.out.printf("SET %s: numbers exact %d of %d labelled; no report %d (both modes)%n", set.getKey(),
                    t[1], t[0], t[2]);
            int[] sd = side[checkSide(set.getKey()) ? 1 : 0];
            for (int i = 0; i < 3; i++) sd[i] += t[i];
        }
        for (int i = 0; i < 2; i++) System.out.printf("SIDE %s: numbers exact %d of %d labelled; no report %d%n",
                i == 0 ? "choose (dev, h5..h24)" : "check (h25..h30)", side[i][1], side[i][0], side[i][2]);
    }
}
