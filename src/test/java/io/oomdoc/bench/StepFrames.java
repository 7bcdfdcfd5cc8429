package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.Phase;
import io.oomdoc.evidence.trace.TraceAnalysis;
import io.oomdoc.evidence.trace.TraceAnalyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the development reports whose frames put the failure in the optimizer step, with their labels and frames
 * innermost last: the evidence the frame order of trace/phase-frames.tsv is checked on. Development data only
 * (Corpus.trainable() and the burned corpus_heldout12). Run: bench/run.sh StepFrames [PHASE]
 */
public final class StepFrames {
    private StepFrames() {}

    public static void main(String[] args) {
        Phase wanted = args.length > 0 ? Phase.valueOf(args[0].toUpperCase(java.util.Locale.ROOT))
                : Phase.OPTIMIZER_STEP;
        List<Case> pool = new ArrayList<>(Corpus.development11());
        TraceAnalyzer analyzer = new TraceAnalyzer();
        int n = 0;
        for (Case c : pool) {
            TraceAnalysis a = analyzer.analyze(LogText.of(c.paste()));
            if (a.phase() != wanted) continue;
            n++;
            System.out.println("- " + c.id() + " label " + c.phase() + " / " + c.category() + " said " + a.phase()
                    + " (" + a.phaseEvidence() + ")");
            a.frames().forEach(f -> System.out.println("    " + f.function() + " | " + f.code()));
        }
        System.out.println(n + " of " + pool.size());
    }
}
