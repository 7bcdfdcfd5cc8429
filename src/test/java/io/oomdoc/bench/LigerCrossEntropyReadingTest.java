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
 * Halo's PEFT page (https://github.com/whitecircle/halo/blob/039b20397dbb3d332839c9b2594a770263493ebe/agent-docs/
 * optimization/peft.md, measured_heldout18.json, burned) trains with Liger's kernels on and compares its plain
 * cross-entropy with the fused linear one: Qwen3-8B QLoRA at 32k, 43.5 GB and 20.9 GB. Liger's cross-entropy kernel
 * writes the logits' gradient into the logits in its forward, so the plain run holds no fp32 log-softmax; read as
 * the upcast loss (12 B a logit) it was predicted at 77.59 GiB for the 40.51 GiB measured.
 */
class LigerCrossEntropyReadingTest {
    private static final Path SET = Path.of("src/test/resources/budget/measured_heldout18.json");
    private static final java.util.List<JsonNode> RECORDS = load();

    private static java.util.List<JsonNode> load() {
        try {
            return MeasuredRecords.of(SET);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode record(String id) {
        return RECORDS.stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPlainLossUnderLigerKernelsIsReadAsItsInPlaceKernel() {
        Setup s = BudgetBench.devSetup(record("halo-qwen3-8b-qlora-r32-all-linear-seq32768-ce"));
        assertEquals(Setup.Loss.FUSED, s.loss());
    }

    @Test
    void qwen3EightBQloraAt32kWithLigersPlainLossIsWithinAFifthOfItsMeasuredPeak() {
        JsonNode r = record("halo-qwen3-8b-qlora-r32-all-linear-seq32768-ce");
        Setup s = BudgetBench.devSetup(r).withContext(BudgetEngine.DEFAULT_CONTEXT);
        long predicted = new BudgetEngine().estimate(s, null).perGpuBytes().total();
        double err = (double) predicted / r.path("measured_bytes").asLong() - 1;
        assertTrue(Math.abs(err) < 0.20, "error " + err);
    }

    @Test
    void anUnstatedLossWithoutLigerStaysTheUpcastOne() {
        assertEquals(Setup.Loss.FP32,
                BudgetBench.devSetup(record("canifinetune-qwen2.5-0.5b-lora-s1024-rtx4080")).loss());
    }
}
