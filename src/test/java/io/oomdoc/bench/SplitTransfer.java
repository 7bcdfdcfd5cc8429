package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Eighteenth session (diag18b): does fitting on the burned corpus_heldout16..21 transfer before trainable() takes
 * them? Forward: fit (bundled hyperparameters and word block, KB coverage too) on development14 and on development14
 * plus heldout16..19, score heldout20 and 21. Reverse: fit on development14 and on development14 plus heldout20 and
 * 21, score heldout16..19. Totals only (counts, description + paste / paste alone), no case is printed.
 * Run: bench/run.sh SplitTransfer [--reverse]
 */
public final class SplitTransfer {
    private SplitTransfer() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        boolean reverse = List.of(args).contains("--reverse");
        List<Case> added = new ArrayList<>(), scored = new ArrayList<>();
        for (int i = 16; i <= 21; i++) (reverse == (i <= 19) ? scored : added).addAll(heldout(i));
        List<Case> base = Corpus.development14();
        List<Case> wider = new ArrayList<>(base);
        wider.addAll(added);
        var test = TrainReasoner.examples(scored);
        for (List<Case> pool : List.of(base, wider)) {
            var train = TrainReasoner.examples(pool);
            Reasoner r = CrossValidation.reasoner(train, l2, TrainReasoner.priorScale);
            ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(pool));
            List<Scores.Outcome> out = new ArrayList<>();
            for (var e : test) out.add(Scores.Outcome.of(e, writer.write(e.evidence(), r.conclude(e.evidence(), e.x()),
                    new ArrayList<>())));
            Scores s = new Scores(out);
            System.out.println("fitted on " + pool.size() + ", scored " + (reverse ? "heldout16..19" : "heldout20+21")
                    + ": " + WordsCv.counts(s) + ", " + kb(s));
        }
    }

    static String kb(Scores s) {
        long d = s.outcomes().stream().filter(o -> o.withDescription() && o.kbHit()).count();
        long p = s.outcomes().stream().filter(o -> !o.withDescription() && o.kbHit()).count();
        return String.format(Locale.ROOT, "KB@3 %d/%d", d, p);
    }

    static List<Case> heldout(int i) {
        return switch (i) {
            case 16 -> Corpus.heldout16();
            case 17 -> Corpus.heldout17();
            case 18 -> Corpus.heldout18();
            case 19 -> Corpus.heldout19();
            case 20 -> Corpus.heldout20();
            case 21 -> Corpus.heldout21();
            default -> throw new IllegalArgumentException("no burned split " + i);
        };
    }
}
