package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;

/**
 * Seventeenth session (diag17): do more writers in training transfer? Fits the reasoner and the KB coverage with
 * the bundled hyperparameters on Corpus.trainable() and on trainable plus the burned corpus_heldout16 and 18 (two
 * writers the bundled weights never saw), then prints the totals tables of the unread corpus_heldout17 and 19 under
 * each. Totals only, no case is printed.
 * Run: bench/run.sh PoolTransfer
 */
public final class PoolTransfer {
    private PoolTransfer() {}

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        var h17 = TrainReasoner.examples(Corpus.heldout17());
        var h19 = TrainReasoner.examples(Corpus.heldout19());
        List<Case> wider = new ArrayList<>(Corpus.trainable());
        wider.addAll(Corpus.heldout16());
        wider.addAll(Corpus.heldout18());
        for (List<Case> pool : List.of(Corpus.trainable(), wider)) {
            var train = TrainReasoner.examples(pool);
            Reasoner r = CrossValidation.reasoner(train, l2, TrainReasoner.priorScale);
            ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(pool));
            System.out.println(score(r, writer, h17).table("corpus_heldout17, fitted on " + pool.size()));
            System.out.println(score(r, writer, h19).table("corpus_heldout19, fitted on " + pool.size()));
        }
    }

    private static Scores score(Reasoner r, ReportWriter w, List<TrainReasoner.Example> test) {
        List<Scores.Outcome> out = new ArrayList<>();
        for (var e : test) out.add(Scores.Outcome.of(e, w.write(e.evidence(), r.conclude(e.evidence(), e.x()),
                new ArrayList<>())));
        return new Scores(out);
    }
}
