package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * DeepSeek LLM's inference memory table (github.com/deepseek-ai/DeepSeek-LLM README at 35a7d0f, measured_heldout5.json,
 * burned) names no attention; it was published on 2023-11-30 with transformers>=4.35.0, when transformers' Llama
 * (both DeepSeek LLMs are LlamaForCausalLM) still materialised the scores: SDPA became its default in 4.36
 * (huggingface/transformers#28005). Read as SDPA, the engine called seven of the table's OOM cells "fits".
 */
class DeepSeekTableAttentionTest {
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup record(String id) throws IOException {
        JsonNode r = MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout5.json")).stream()
                .filter(x -> x.path("id").asText().equals(id)).findFirst().orElseThrow();
        return BudgetBench.devSetup(r);
    }

    @Test
    void theTableIsReadWithEagerAttention() throws IOException {
        assertEquals(Setup.Attention.EAGER, record("deepseek-llm-readme-7b-b1-s4096").attention());
    }

    @Test
    void sevenBAtBatchFourAndFourThousandTokensDoesNotFitItsFortyGigabyteCard() throws IOException {
        Setup s = record("deepseek-llm-readme-7b-b4-s4096-oom").withContext(BudgetEngine.DEFAULT_CONTEXT);
        assertEquals(Boolean.FALSE, engine.estimate(s, BudgetBench.cardBytes("A100 40GB")).fits());
    }

    @Test
    void sevenBAtBatchTwoAndFourThousandTokensIsWithinTenPercentOfTheTable() throws IOException {
        // 29.59 GiB published; read with SDPA the engine said 19.05 GiB (-35.6%)
        double predicted = engine.estimate(record("deepseek-llm-readme-7b-b2-s4096"), null).perGpuBytes().total();
        double measured = 29.59 * (1L << 30);
        assertEquals(0, (predicted - measured) / measured, 0.10, "predicted " + predicted);
    }
}
