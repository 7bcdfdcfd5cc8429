package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.TraceAnalyzer;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;

import java.util.List;

/** Where the in-process time per case goes (trace analysis vs the whole diagnosis), development part only. */
public final class SpeedParts {
    public static void main(String[] args) {
        List<Case> cases = Corpus.development();
        Diagnoser d = new Diagnoser();
        TraceAnalyzer a = new TraceAnalyzer();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (Case c : cases) a.analyze(LogText.of(c.withDescription()));
            long t1 = System.nanoTime();
            for (Case c : cases) d.diagnose(LogText.of(c.withDescription()), null, Facts.EMPTY, null, null);
            long t2 = System.nanoTime();
            long t3 = System.nanoTime();
            for (Case c : cases) io.oomdoc.protocol.reasoning.PhaseWords.phases(c.withDescription());
            long t4 = System.nanoTime();
            var fx = new io.oomdoc.protocol.reasoning.FeatureExtractor();
            var ev = cases.stream().map(c -> d.evidence(LogText.of(c.withDescription()), null, Facts.EMPTY, null,
                    null, null, new java.util.ArrayList<>())).toList();
            long t5 = System.nanoTime();
            for (var e : ev) fx.extract(e);
            long t6 = System.nanoTime();
            System.out.printf("round %d: phase words %.2f ms, features %.2f ms, evidence %.2f ms per case%n", round,
                    (t4 - t3) / 1e6 / cases.size(), (t6 - t5) / 1e6 / cases.size(), (t5 - t4) / 1e6 / cases.size());
            System.out.printf("round %d: analyze %.2f ms, diagnose %.2f ms per case%n", round,
                    (t1 - t0) / 1e6 / cases.size(), (t2 - t1) / 1e6 / cases.size());
        }
    }
}
