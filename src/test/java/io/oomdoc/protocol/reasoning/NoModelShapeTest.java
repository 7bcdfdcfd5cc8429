package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape no-model (model/conjunctions.tsv): a paste in which nothing names a deep-learning stack or a model's
 * run is told apart from a model's failure, on real reports of corpus_heldout28 (a burned set; each case's "source"
 * field names its thread), read as a paste alone.
 */
class NoModelShapeTest {
    // one set read once for the class: the whole corpus takes seconds to parse
    private static final List<Case> SET28 = Corpus.heldout28();

    private static Set<String> features(String id) {
        Case c = SET28.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
        var e = new Diagnoser().evidence(LogText.of(c.paste()), null, Facts.EMPTY, null, null, null,
                new ArrayList<>());
        return new FeatureExtractor().extract(e).values().keySet();
    }

    @Test
    void anOpenClProgramThatRunsNoModelHasTheShape() {
        // 0xTiger/bedrock-clump#1: an OpenCL clump finder fails with CL_OUT_OF_RESOURCES on some cards
        assertTrue(features("bedrock-clump-1-out-of-resources").contains("shape:no-model"));
    }

    @Test
    void aTrainingReportHasNotTheShape() {
        // leoxiaobin/deep-high-resolution-net.pytorch#54: out of memory while training on a GTX 1070
        assertFalse(features("hrnet-54-gtx1070-training").contains("shape:no-model"));
    }
}
