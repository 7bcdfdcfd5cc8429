package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.ReportWriter;
import io.oomdoc.protocol.reasoning.FeatureExtractor;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.ArrayList;
import java.util.List;

/** Grouped k-fold cross-validation: each fold's cases are diagnosed by weights fitted without their groups. */
public final class CrossValidation {
    private CrossValidation() {}

    public static Scores run(List<TrainReasoner.Example> ex, double l2, int k) { return run(ex, l2, k, TrainReasoner.priorScale); }

    public static Scores run(List<TrainReasoner.Example> ex, double l2, int k, double priorScale) {
        List<Scores.Outcome> outcomes = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            final int f = fold;
            List<TrainReasoner.Example> train = ex.stream().filter(e -> Corpus.fold(e.c(), k) != f).toList();
            List<TrainReasoner.Example> test = ex.stream().filter(e -> Corpus.fold(e.c(), k) == f).toList();
            if (test.isEmpty()) continue;
            Reasoner r = reasoner(train, l2, priorScale);
            // the coverage table is fitted without the fold too, so the KB figure is cross-validated like the rest
            ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(train.stream()
                    .map(TrainReasoner.Example::c).distinct().toList()));
            // each example's features were extracted once, by the same extractor the fold's reasoner has
            for (var e : test) outcomes.add(Scores.Outcome.of(e, writer.write(e.evidence(),
                    r.conclude(e.evidence(), e.x()), new ArrayList<>())));
        }
        return new Scores(outcomes);
    }

    /** Fits on one set and scores another (the final split). */
    public static Scores holdout(List<TrainReasoner.Example> train, List<TrainReasoner.Example> test, double l2) {
        ReportWriter writer = new ReportWriter(KnowledgeBase.bundled());
        Reasoner r = reasoner(train, l2, TrainReasoner.priorScale);
        List<Scores.Outcome> outcomes = new ArrayList<>();
        for (var e : test) outcomes.add(Scores.Outcome.of(e, writer.write(e.evidence(), r.conclude(e.evidence()), new ArrayList<>())));
        return new Scores(outcomes);
    }

    /**
     * Fits the weights and the coverage table on one set and scores another, as the bundled ones would be after a
     * refit: unlike {@link #holdout} the code's changes count without writing the tables first.
     */
    public static Scores holdoutWithCoverage(List<TrainReasoner.Example> train, List<TrainReasoner.Example> test,
            double l2) {
        Reasoner r = reasoner(train, l2, TrainReasoner.priorScale);
        ReportWriter writer = new ReportWriter(KnowledgeBase.bundled(), TrainKbCoverage.fit(train.stream()
                .map(TrainReasoner.Example::c).distinct().toList()));
        List<Scores.Outcome> outcomes = new ArrayList<>();
        for (var e : test) outcomes.add(Scores.Outcome.of(e, writer.write(e.evidence(), r.conclude(e.evidence(), e.x()),
                new ArrayList<>())));
        return new Scores(outcomes);
    }

    /** Scores the bundled weights as they ship. */
    public static Scores bundled(List<TrainReasoner.Example> test) {
        ReportWriter writer = new ReportWriter(KnowledgeBase.bundled());
        Reasoner r = Reasoner.bundled();
        List<Scores.Outcome> outcomes = new ArrayList<>();
        for (var e : test) outcomes.add(Scores.Outcome.of(e, writer.write(e.evidence(), r.conclude(e.evidence()), new ArrayList<>())));
        return new Scores(outcomes);
    }

    static Reasoner reasoner(List<TrainReasoner.Example> train, double l2, double priorScale) {
        LinearModel cat = TrainReasoner.fit(train, e -> e.c().category(), l2).withScalar(Reasoner.PRIOR_SCALE, priorScale);
        LinearModel phase = TrainReasoner.fitPhase(train, TrainReasoner.phaseL2);
        return new Reasoner(new FeatureExtractor(), cat, phase);
    }

}
