package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The causes a training or validation loop defines are not given to a program that drives the GPU through a
 * graphics or compute API or is no model (NoTrainingLoop), on real reports of corpus_heldout29 (a burned set; each
 * case's "source" field names its thread), read as a paste alone.
 */
class NoTrainingLoopTest {
    // one set read once for the class: the whole corpus takes seconds to parse
    private static final List<Case> SET29 = Corpus.heldout29();

    private static Evidence paste(String id) {
        Case c = SET29.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
        return new Diagnoser().evidence(LogText.of(c.paste()), null, Facts.EMPTY, null, null, null,
                new ArrayList<>());
    }

    @Test
    void aWgpuValidationErrorIsNoValidationLoop() {
        // rend3/rend3#536: wgpu's "Validation Error" when a mesh buffer does not fit; no model is evaluated
        Evidence e = paste("rend3-536-mesh-buffer-not-enough-memory");
        List<String> labels = List.of(Category.EVAL_ACCUMULATION.json(), Category.OTHER.json());
        double[] p = {0.6, 0.4};
        Constraints.apply(e, new FeatureExtractor().extract(e), labels, p);
        assertTrue(p[0] < p[1], "eval_accumulation " + p[0] + " against other " + p[1]);
    }

    @Test
    void aComputeApiWithNoTrainingWordsHasNoLoop() {
        assertTrue(NoTrainingLoop.holds(FeatureVector.builder().flag("log:gpuapi").build()));
    }

    @Test
    void aModelTrainedThroughAComputeApiKeepsItsLoop() {
        FeatureVector x = FeatureVector.builder().flag("cue:gpuapi").flag("cue:phase-training").build();
        assertFalse(NoTrainingLoop.holds(x));
    }

    @Test
    void theLoopsCausesKeepASmallShareAndTheOthersTheirs() {
        List<String> labels = List.of(Category.EVAL_ACCUMULATION.json(), Category.OTHER.json());
        double[] p = {0.5, 0.5};
        NoTrainingLoop.constrain(FeatureVector.builder().flag("log:gpuapi").build(), labels, p);
        assertEquals(0.5 * NoTrainingLoop.OUTSIDE_A_LOOP, p[0], 1e-12);
        assertEquals(0.5, p[1], 1e-12);
    }
}
