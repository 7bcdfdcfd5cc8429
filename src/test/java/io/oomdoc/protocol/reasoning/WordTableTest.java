package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theWordRowsKeepTheirClassWhenJoinedToTheCauseModel() {
        // built here, not through Reasoner.bundled(): the join is checked on a fresh model
        LinearModel words = LinearModel.resource(Reasoner.CATEGORY_WORD_WEIGHTS);
        LinearModel joined = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).with(words);
        for (String label : words.labels()) {
            assertEquals(words.contribution("w:kv", 1.0, label), joined.contribution("w:kv", 1.0, label), 1e-12);
        }
        assertTrue(joined.knows(LinearModel.BIAS));
    }

    @Test
    void droppingOneRowKeepsTheOthers() {
        LinearModel without = Reasoner.bundled().categoryModel().rows(f -> !f.equals("w:kv"));
        assertFalse(without.knows("w:kv"));
        assertTrue(without.knows(LinearModel.BIAS) && without.knows("w:cache"));
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
