package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ms-swift's examples/infer/transformers/batch_ddp.sh
 * (https://github.com/modelscope/ms-swift/blob/3602360a562313afbf2ef6065fdf61f271a2c5b9/examples/infer/transformers/
 * batch_ddp.sh, measured_heldout8.json, burned) runs four inference ranks, each with the whole Qwen2.5-1.5B and its own
 * batch of 16: one copy per GPU, not the model split four ways as tensor parallel would.
 */
class DataParallelInferenceReadingTest {
    private static JsonNode record(String id) throws IOException {
        return MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout8.json")).stream()
                .filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void dataParallelInferenceRanksEachHoldTheWholeModel() throws IOException {
        Setup s = BudgetBench.devSetup(record("ms-swift-qwen2.5-1.5b-infer-transformers-b16-new512"));
        assertEquals(1, s.gpus());
    }

    @Test
    void aLayerSplitInferenceRecordKeepsItsGpus() throws IOException {
        String id = "hf-blog-bloom-inference-accelerate-bf16-8xa100-b1-fit";
        Setup s = BudgetBench.devSetup(MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout6.json"))
                .stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow());
        assertEquals(8, s.gpus());
    }
}
