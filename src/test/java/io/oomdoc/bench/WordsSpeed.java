package io.oomdoc.bench;

import io.oomdoc.Fixtures;
import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Signals;
import io.oomdoc.protocol.reasoning.FeatureExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Thirteenth session (words13): what the word block costs the feature extraction, A/B in one JVM, alternated
 * rounds: the development part's evidence and a 100 MB-style log's evidence, extracted with and without words.
 * Run: bench/run.sh WordsSpeed [rounds]
 */
public final class WordsSpeed {
    private WordsSpeed() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        TrainReasoner.quiet();
        Diagnoser d = new Diagnoser();
        List<Evidence> ev = new ArrayList<>();
        for (Case c : Corpus.development()) ev.add(d.evidence(LogText.of(c.withDescription()), null, Facts.EMPTY, null,
                null, null, new ArrayList<>()));
        StringBuilder big = new StringBuilder();
        String chatter = "2026-11-23 10:00:00 | INFO | step 123456 | loss 2.3456 | lr 3.0e-4 | grad_norm 0.91\n";
        while (big.length() < 20 << 20) big.append(chatter);
        big.append(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        // As `oomdoc diagnose FILE` reads a big log (TraceBench.bigLog): the reader keeps the lines around the failure.
        var read = new io.oomdoc.evidence.trace.LogReader().read(new java.io.ByteArrayInputStream(big.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Evidence bigEv = d.evidence(read, null, Facts.EMPTY, null, null, null, new ArrayList<>());
        FeatureExtractor with = new FeatureExtractor(Signals.ALL, true), without = new FeatureExtractor(Signals.ALL,
                false);
        for (int r = 0; r < rounds; r++) {
            for (FeatureExtractor fx : List.of(without, with)) {
                long t0 = System.nanoTime();
                for (Evidence e : ev) fx.extract(e);
                double perCase = (System.nanoTime() - t0) / 1e6 / ev.size();
                long t1 = System.nanoTime();
                fx.extract(bigEv);
                System.out.printf(Locale.ROOT, "round %d, %s: %.3f ms per case (%d), %.1f ms the 20 MB log%n", r,
                        fx == with ? "words" : "no words", perCase, ev.size(), (System.nanoTime() - t1) / 1e6);
            }
        }
    }
}
