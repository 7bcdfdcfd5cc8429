package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hugging Face's 4-bit blog post (https://github.com/huggingface/blog/blob/1b4d85d958048f85f13b749fd305136a94df97e2/
 * 4bit-transformers-bitsandbytes.md, measured_heldout6.json, burned): LLaMA-13B in LLM.int8 with checkpointing at
 * seq 512 runs out of memory on one "T4 16GB". The card holds 15360 MiB once ECC takes its share, and the call is made
 * against that, not the 16 GB it is sold as.
 */
class EccT4RecordCallTest {
    @Test
    void llama13bInt8OnAT4IsCalledOutOfMemory() throws IOException {
        JsonNode it = MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout6.json")).stream()
                .filter(r -> r.path("id").asText().equals("hf-blog-4bit-bnb-llama-13b-int8-gc-s512"))
                .findFirst().orElseThrow();
        Setup s = BudgetBench.devSetup(it).withContext(BudgetEngine.DEFAULT_CONTEXT);
        assertEquals(Boolean.FALSE, new BudgetEngine().estimate(s, BudgetBench.cardBytes(it.path("gpu").asText()))
                .fits());
    }
}
