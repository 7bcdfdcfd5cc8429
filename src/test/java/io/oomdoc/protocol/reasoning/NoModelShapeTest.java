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

    /** A burned split's case (Corpus.trainable()) by id, its paste read alone. */
    private static Set<String> burnedPasteAlone(String id) {
        return RealEvidence.features(RealEvidence.gather(LogText.of(RealEvidence.ofId(id).paste()), null)).values()
                .keySet();
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

    @Test
    void aTrainingReportWrittenInChineseHasNotTheShape() {
        // edwardzhou130/PolarSeg#45 (corpus_heldout13), the paste alone: "以batch=2进行训练会出现CUDA out-of-memory"
        // (training with batch 2 on an 11 GB card runs out of memory); the title is English, the training word Chinese
        Set<String> f = burnedPasteAlone("polarseg-45-2080ti-batch2-zh");
        assertTrue(f.contains("cue:phase-training"));
        assertFalse(f.contains("shape:no-model"));
    }

    @Test
    void aStageOfTrainingNamedInChineseHasNotTheShape() {
        // MengyangPu/EDTER#62 (corpus_heldout18), the paste alone: "我的第二阶段训练老是爆内存" (my second-stage training
        // keeps running out of memory) and a screenshot
        assertFalse(burnedPasteAlone("edter-62-stage2-oom-smaller-cards").contains("shape:no-model"));
    }
}
