package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeepSpeed ZeRO-3 keeps up to stage3_max_live_parameters (1e9 by default) 16-bit parameters gathered beside each
 * rank's shard, releasing one only when the module trace does not use it again within stage3_max_reuse_distance
 * (1e9): a gigabyte-scale term that the estimator's 4 B a parameter of the largest layer leaves out.
 * Records (burned sets): h2oai/h2o-llmstudio pull 288's table, Pythia-1B full fine-tunes under ZeRO-3 on three
 * RTX 6000 cards, with the optimizer offloaded to the host (measured_heldout10.json); LlamaFactory issue 5977, a
 * Llama-3-8B full fine-tune under ds_z3_config.json on eight RTX 3090s that ran out of memory
 * (measured_heldout7.json). Both sets were scored before this rule was written. The same pull's exp7 raises the cap
 * to 1e10 in its config (stage3_max_live_parameters), above Pythia 6.9B's size: read as set (twenty-sixth session),
 * its 23GB a GPU went from 53% under to within a few percent.
 */
class DeepSpeedLiveParametersTest {
    private static JsonNode record(String set, String id) throws IOException {
        return MeasuredRecords.byId(set, id);
    }

    @Test
    void aPythiaOneBillionRankWithItsOptimizerOffloadedHoldsTheWholeModelGathered() throws IOException {
        JsonNode r = record("heldout10", "h2o-pr288-exp3-pythia-1b-full-zero3-offload-3x-rtx6000");
        double predicted = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes().total();
        // the table's 5GB a GPU (4.66 GiB); a third of the 16-bit model alone would leave half of it unexplained
        assertEquals(r.path("measured_bytes").asDouble(), predicted, 0.15 * r.path("measured_bytes").asDouble());
    }

    @Test
    void aLiveParameterCapAboveTheModelKeepsThePythiaSevenBillionWholeOnEveryRank() throws IOException {
        JsonNode r = record("heldout10", "h2o-pr288-exp7-pythia-6.9b-full-zero3-offload-3x-rtx6000");
        var b = new BudgetEngine().estimate(BudgetBench.devSetup(r), null);
        // the table's 23GB a GPU (21.42 GiB): a 1e9 cap leaves it at 10 GiB, half of it unexplained
        assertEquals(r.path("measured_bytes").asDouble(), b.perGpuBytes().total(),
                0.10 * r.path("measured_bytes").asDouble());
        assertTrue(b.assumptions().stream().anyMatch(a -> a.startsWith("stage3_max_live_parameters 1.00e+10")));
    }

    @Test
    void aLlamaThreeEightBillionFullFineTuneUnderZeroThreeOnEight3090sRunsOutOfMemory() throws IOException {
        JsonNode r = record("heldout7", "llamafactory-5977-llama-3-8b-full-zero3-8x3090-oom");
        Setup s = BudgetBench.devSetup(r);
        Setup withContext = s.contextBytes() > 0 ? s : s.withContext(BudgetEngine.DEFAULT_CONTEXT);
        assertFalse(new BudgetEngine().estimate(withContext, BudgetBench.cardBytes(r.path("gpu").asText())).fits());
    }
}
