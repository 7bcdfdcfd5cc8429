package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped word table (model/category-words.tsv, written by bench/run.sh TrainReasoner) is loaded with the cause
 * model and reached by a real description: vllm-project/vllm#2418, "only 229 GPU KV cache blocks ...".
 */
class WordTableTest {
    private static final String KV_REPORT = "vllm-2418-alpaca2-229-blocks-3664-tokens";

    @Test
    void theBundledCauseModelReadsTheWordTable() {
        assertTrue(Reasoner.bundled().categoryModel().knows("w:kv"));
    }

    @Test
    void aWordOfTheTableMovesTheScoreOfItsClassOnARealDescription() {
        LinearModel model = Reasoner.bundled().categoryModel();
        FeatureVector x = RealEvidence.features(RealEvidence.ofCase(KV_REPORT));
        assertTrue(x.values().containsKey("w:kv"), x.values().keySet().toString());
        int kv = model.labels().indexOf("kv_cache_inference");
        double with = model.probabilities(x)[kv];
        double without = model.rows(f -> !f.equals("w:kv")).probabilities(x)[kv];
        assertTrue(with > without, with + " <= " + without);
    }

    @Test
    void aTokenOfOneRepositoryHasNoRow() {
        // the ParlAI reporter's home directory (facebookresearch/ParlAI#4452) is in no other report
        assertFalse(Reasoner.bundled().categoryModel().knows("w:zhaojianqiao"));
        assertFalse(LinearModel.resource(Reasoner.PHASE_WORD_WEIGHTS).knows("lw:zhaojianqiao"));
    }

    @Test
    void theLogsWordsAreLeftToThePhaseModel() {
        // grouped CV: the log's tokens lowered the cause's top-1 and raised the phase's accuracy
        assertTrue(LinearModel.resource(Reasoner.PHASE_WORD_WEIGHTS).knows("lw:backward"));
        assertFalse(Reasoner.bundled().categoryModel().knows("lw:backward"));
    }
}
