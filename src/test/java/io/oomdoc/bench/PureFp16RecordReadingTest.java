package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BudgetBench reads a record's precision as the recipe ran it. axolotl PR 602's full fine-tune of OpenLLaMA 3B
 * (https://github.com/axolotl-ai-cloud/axolotl/pull/602, measured_heldout7.json, burned) loads the model with
 * float16: true and leaves the fp16/bf16 AMP flags false: the weights, gradients and 8-bit Adam states follow the
 * fp16 parameters and no fp32 master copy exists. Read as AMP it was predicted 78% over the published 21 GB.
 */
class PureFp16RecordReadingTest {
    private static JsonNode record(String set, String id) throws IOException {
        return MeasuredRecords.byId(set, id);
    }

    @Test
    void aModelLoadedInFloat16WithTheAmpFlagsOffTrainsInPureFp16() throws IOException {
        Setup s = BudgetBench.devSetup(record("heldout7", "axolotl-pr-602-openllama-3b-full"));
        assertEquals(Setup.Precision.FP16, s.precision());
    }

    @Test
    void axolotlPr602FullFineTuneIsWithinTenPercentOfItsPublishedFigure() throws IOException {
        JsonNode r = record("heldout7", "axolotl-pr-602-openllama-3b-full");
        double predicted = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes().total();
        double measured = r.path("measured_bytes").asDouble();
        assertTrue(Math.abs(predicted - measured) / measured < 0.10, "predicted " + predicted + " of " + measured);
    }

    @Test
    void anFp16RecordUnderAmpKeepsItsFp32MasterCopy() throws IOException {
        // LlamaFactory issue 5977: fp16: true is AMP with fp32 master weights under DeepSpeed
        Setup s = BudgetBench.devSetup(record("heldout7", "llamafactory-5977-llama-3-8b-full-zero3-offload-8x3090"));
        assertEquals(Setup.Precision.MIXED_FP16, s.precision());
    }
}
