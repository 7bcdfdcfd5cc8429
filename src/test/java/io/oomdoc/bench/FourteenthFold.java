package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fourteenth session (diag14): grouped 5-fold CV by repository over Corpus.development14() (development12 plus the
 * burned corpus_heldout14 and 15), refit per fold with the bundled hyperparameters and word block. Exact counts
 * (description + paste / paste alone) for the whole pool and for each part, so a build can be compared on the same
 * 911 development12 cases with and without the two new parts in training (--before fits and scores development12
 * alone; its folds are the same, the fold being a hash of the repository). --outcomes prints one line per case and
 * mode to diff two builds; --confusions the most common (label -> said) and (phase label -> said) pairs.
 * --trainable pools Corpus.trainable() instead (since the eighteenth session: development21, development14 plus the
 * burned corpus_heldout16 to 21, each printed as its own part), the data the bundled weights are fitted on.
 * --alternatives (diag22a) counts, per input mode, the answers that only an accepted alternative saves: the (label,
 * said) pairs where top-1 is an alternative and not the primary cause.
 * --kb-misses (diag24b) lists the description + paste reports whose first three entries miss every labelled one.
 * --labels (diag24a) tabulates, per input mode, every answer that is not the label, accepted alternative or not, by
 * (label -> said) pair: the misses that label-only top-1 counts. -Doomdoc.prior=X and -Doomdoc.l2=X score another
 * expert-prior scale or regularisation. --phase-table (diag25b) prints the phase confusion matrix and the reports
 * given no phase where the label names one.
 * Run: bench/run.sh FourteenthFold [--before|--trainable] [--outcomes] [--confusions] [--alternatives]
 *     [--kb-misses] [--labels] [--phase-table]
 */
public final class FourteenthFold {
    private FourteenthFold() {}

    public static void main(String[] args) throws Exception {
        double l2 = Double.parseDouble(System.getProperty("oomdoc.l2",
                String.valueOf(TraceBench.useBundledHyperparameters())));
        TrainReasoner.priorScale = Double.parseDouble(System.getProperty("oomdoc.prior",
                String.valueOf(TrainReasoner.priorScale)));
        List<String> a = List.of(args);
        List<Case> pool = a.contains("--before") ? Corpus.development12()
                : a.contains("--trainable") ? Corpus.trainable() : Corpus.development14();
        Scores cv = CrossValidation.run(TrainReasoner.examples(pool), l2, TrainReasoner.FOLDS);
        System.out.println("grouped " + TrainReasoner.FOLDS + "-fold CV by repository over "
                + (a.contains("--before") ? "development12" : a.contains("--trainable") ? "trainable"
                : "development14") + " (" + pool.size() + "), l2 " + l2
                + ", prior " + TrainReasoner.priorScale + ", phase-l2 " + TrainReasoner.phaseL2 + ", "
                + TrainReasoner.wordSettings());
        System.out.println("all             " + WordsCv.counts(cv));
        long notOom = cv.outcomes().stream().filter(o -> o.c().issueType().equals("not_oom")).count();
        long said = cv.outcomes().stream().filter(o -> o.c().issueType().equals("not_oom")
                && o.issueType().equals("not_oom")).count();
        long wrongly = cv.outcomes().stream().filter(o -> !o.c().issueType().equals("not_oom")
                && o.issueType().equals("not_oom")).count();
        long labelled = cv.outcomes().stream().filter(o -> !o.c().numbers().isEmpty()).count();
        long exact = cv.outcomes().stream().filter(o -> !o.c().numbers().isEmpty() && o.numbersExact()).count();
        long kbD = cv.outcomes().stream().filter(o -> o.withDescription() && o.kbHit()).count();
        long kbP = cv.outcomes().stream().filter(o -> !o.withDescription() && o.kbHit()).count();
        System.out.println("KB recall@3 " + kbD + "/" + kbP + " (desc+paste / paste alone)");
        // diag19b read the misses of folds 0-2 only; folds 3-4 are the part its changes were not shaped on
        for (boolean tuning : new boolean[]{true, false}) {
            Scores part = new Scores(cv.outcomes().stream().filter(o -> (Corpus.fold(o.c(), TrainReasoner.FOLDS) <= 2)
                    == tuning).toList());
            System.out.println((tuning ? "folds 0-2 (read) " : "folds 3-4 (unread) ") + WordsCv.counts(part)
                    + ", KB@3 " + part.outcomes().stream().filter(o -> o.withDescription() && o.kbHit()).count() + "/"
                    + part.outcomes().stream().filter(o -> !o.withDescription() && o.kbHit()).count());
        }
        System.out.println("numbers exact " + exact + " / " + labelled + " (both modes)");
        System.out.println("not_oom said of not_oom " + said + " / " + notOom + " (both modes); memory failures said"
                + " not_oom " + wrongly);
        Map<String, List<Scores.Outcome>> parts = new LinkedHashMap<>();
        for (Scores.Outcome o : cv.outcomes()) {
            // the part is the split's file (heldout14.jsonl .. heldout21.jsonl); the rest is development12
            var m = java.util.regex.Pattern.compile("heldout(1[4-9]|2\\d)\\.jsonl").matcher(o.c().file());
            String part = m.find() ? "heldout" + m.group(1) : "development12";
            parts.computeIfAbsent(part, k -> new ArrayList<>()).add(o);
        }
        for (var e : parts.entrySet()) {
            System.out.println(String.format(Locale.ROOT, "%-15s %s", e.getKey(),
                    WordsCv.counts(new Scores(e.getValue()))));
        }
        if (a.contains("--confusions")) confusions(cv);
        if (a.contains("--phase-table")) phaseTable(cv);
        if (a.contains("--alternatives")) alternatives(cv);
        if (a.contains("--kb-misses")) kbMisses(cv);
        if (a.contains("--labels")) labels(cv);
        if (!a.contains("--outcomes")) return;
        for (Scores.Outcome o : cv.outcomes()) {
            System.out.println((o.withDescription() ? "desc " : "paste ") + o.c().id() + " " + o.c().category()
                    + (o.top1() ? " = " : " ! ") + o.category() + " phase " + o.c().phase() + (o.phaseHit() ? " = "
                    : " ! ") + o.phase() + " issue " + o.c().issueType() + " " + o.issueType());
        }
    }

    /** The 30 most common top-1 misses (label -> said) and phase misses, both input modes counted. */
    static void confusions(Scores cv) {
        Map<String, Integer> cause = new TreeMap<>(), phase = new TreeMap<>();
        for (Scores.Outcome o : cv.outcomes()) {
            if (!o.top1()) cause.merge(o.c().category() + " -> " + o.category(), 1, Integer::sum);
            if (!o.phaseHit()) phase.merge(o.c().phase() + " -> " + o.phase(), 1, Integer::sum);
        }
        print("cause confusions (top-1 misses, both modes)", cause);
        print("phase confusions (both modes)", phase);
    }

    /**
     * The phase confusion matrix (description + paste; rows the label, columns what was said) and, per input mode
     * and per side of the read/unread split, the reports given no phase: "unknown" said where the label names one
     * (diag25b).
     */
    static void phaseTable(Scores cv) {
        System.out.println("phase confusion (description + paste)");
        System.out.print(cv.phaseConfusion());
        for (boolean desc : new boolean[]{true, false}) {
            long[] none = new long[2], known = new long[2];
            for (Scores.Outcome o : cv.outcomes()) {
                if (o.withDescription() != desc || o.c().phase().equals("unknown")) continue;
                int side = Corpus.fold(o.c(), TrainReasoner.FOLDS) <= 2 ? 0 : 1;
                known[side]++;
                if (o.phase().equals("unknown")) none[side]++;
            }
            System.out.println("no phase said where the label has one (" + (desc ? "desc+paste" : "paste alone")
                    + "): folds 0-2 " + none[0] + " / " + known[0] + ", folds 3-4 " + none[1] + " / " + known[1]);
        }
    }

    /** The description + paste reports whose first three entries hold none of the labelled ones (diag24b). */
    static void kbMisses(Scores cv) {
        for (Scores.Outcome o : cv.outcomes()) {
            if (!o.withDescription() || o.kbHit()) continue;
            System.out.println("kb-miss " + o.c().id() + " want " + o.c().kb() + " got "
                    + o.kb().subList(0, Math.min(3, o.kb().size())) + " cat " + o.c().category() + " said "
                    + o.category() + " framework " + o.c().framework());
        }
    }

    /** Per input mode: the (label -> said) pairs of answers that are an accepted alternative, not the label. */
    static void alternatives(Scores cv) {
        for (boolean desc : new boolean[]{true, false}) {
            Map<String, Integer> pairs = new TreeMap<>();
            for (Scores.Outcome o : cv.outcomes()) {
                if (o.withDescription() == desc && o.top1() && !o.c().category().equals(o.category())) {
                    pairs.merge(o.c().category() + " -> " + o.category(), 1, Integer::sum);
                }
            }
            print("alternative, not the label (" + (desc ? "description + paste" : "paste alone") + ", "
                    + pairs.values().stream().mapToInt(Integer::intValue).sum() + ")", pairs);
        }
    }

    /**
     * Per input mode: the (label -> said) pairs of every answer that is not the label, marked "(alt)" where the case
     * accepts what was said; the pairs label-only top-1 loses on.
     */
    static void labels(Scores cv) {
        for (boolean desc : new boolean[]{true, false}) {
            Map<String, Integer> pairs = new TreeMap<>();
            for (Scores.Outcome o : cv.outcomes()) {
                if (o.withDescription() == desc && !o.c().category().equals(o.category())) {
                    pairs.merge(o.c().category() + " -> " + o.category() + (o.top1() ? " (alt)" : ""), 1,
                            Integer::sum);
                }
            }
            print("not the label (" + (desc ? "description + paste" : "paste alone") + ", "
                    + pairs.values().stream().mapToInt(Integer::intValue).sum() + ")", pairs);
        }
    }

    private static void print(String title, Map<String, Integer> m) {
        System.out.println(title);
        m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(30)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "  %4d  %s", e.getValue(), e.getKey())));
    }
}
