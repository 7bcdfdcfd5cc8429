package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BudgetBench reads a full fine-tune of a model loaded with torch_dtype bfloat16 under the HF Trainer, with no
 * DeepSpeed or FSDP, as pure bf16: --bf16 only turns autocast on, the parameters stay bf16 and torch's AdamW keeps
 * its moments in their dtype. ms-swift's examples/train/full/train.sh
 * (https://github.com/modelscope/ms-swift/blob/3602360a562313afbf2ef6065fdf61f271a2c5b9/examples/train/full/train.sh,
 * measured_heldout8.json, burned) trains Qwen2.5-7B so on one card in "76GiB"; read as AMP with an fp32 master copy
 * it was predicted at 153.61 GiB (+102%).
 */
class Bf16LoadedFullFineTuneReadingTest {
    private static JsonNode record(String id) throws IOException {
        return MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout8.json")).stream()
                .filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aBf16LoadedModelTrainedByTheTrainerAloneIsPureBf16() throws IOException {
        assertEquals(Setup.Precision.BF16, BudgetBench.devSetup(record("ms-swift-qwen2.5-7b-full-1gpu")).precision());
    }

    @Test
    void msSwiftsSevenBillionFullFineTuneIsWithinTenPercentOfItsPublishedPeak() throws IOException {
        JsonNode r = record("ms-swift-qwen2.5-7b-full-1gpu");
        double predicted = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes().total();
        double measured = r.path("measured_bytes").asDouble();
        assertTrue(Math.abs(predicted - measured) / measured < 0.10, "predicted " + predicted + " of " + measured);
    }

    @Test
    void underDeepSpeedTheSameLoadKeepsItsFp32MasterCopy() throws IOException {
        Setup s = BudgetBench.devSetup(record("ms-swift-qwen2.5-7b-full-zero3-4xa100-8192-liger-packed"));
        assertEquals(Setup.Precision.MIXED_BF16, s.precision());
    }
}
