package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape batch-one-fixed (model/conjunctions.tsv): a batch of one that still fails, with nothing saying that one
 * input is large or that the failure came late, leaves the fixed cost as what does not fit. Real reports of the
 * trainable corpus, pasted alone (sources in comments).
 */
class BatchOneFixedShapeTest {
    private static Set<String> features(String id) {
        Case c = Corpus.inTrainable(id).orElseThrow();
        var e = new Diagnoser().evidence(LogText.of(c.paste()), null, Facts.EMPTY, null, null, null,
                new ArrayList<>());
        return new FeatureExtractor().extract(e).values().keySet();
    }

    @Test
    void aBatchOfOneThatStillFailsWithNothingElseSaidHasTheShape() {
        // MCG-NJU/TDN#32: "When I set batch_size=1, it runs out of memory."
        Set<String> x = features("tdn-32-batch1-oom-prose");
        assertTrue(x.contains("setup:batch-one") && x.contains("shape:batch-one-fixed"), x.toString());
    }

    @Test
    void aBatchOfOneOnAFineTuneWithATraceHasTheShape() {
        // cvlab-columbia/ZSRobust4FoundationModel#2: the README's fine-tuning command at --batch_size 1, then the trace
        assertTrue(features("zsrobust-2-adversarial-finetune-batch1-16gb").contains("shape:batch-one-fixed"));
    }

    @Test
    void aBatchOfOneWhoseFixedCostTheBudgetFitsOnTheCardHasNotTheShape() {
        // Lightning-AI/litgpt#553: LoRA r 8 on Llama-2-7b at micro_batch_size 1 on a 24 GB 3090; the frozen base and
        // the adapters' state come to about 14 GB, so the budget says the fixed cost fits
        String text = io.oomdoc.Fixtures.text("traces/prose-litgpt-553-lora-7b-3090.txt");
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null, new ArrayList<>());
        Set<String> x = new FeatureExtractor().extract(e).values().keySet();
        assertTrue(x.contains("setup:batch-one") && x.contains("budget:fixed-fits"), x.toString());
        assertFalse(x.contains("shape:batch-one-fixed"), x.toString());
    }

    @Test
    void aBatchOfOneThatFailsAfterHundredsOfStepsHasNotTheShape() {
        // IDEA-Research/detrex#298: batch size 1, "after ca 1200 iterations": the fixed cost fitted for 1,200 steps
        Set<String> x = features("detrex-298-large-images-oom-1200-iters");
        assertTrue(x.contains("setup:batch-one"), x.toString());
        assertFalse(x.contains("shape:batch-one-fixed"), x.toString());
    }
}
