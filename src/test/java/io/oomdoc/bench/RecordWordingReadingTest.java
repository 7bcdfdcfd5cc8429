package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BudgetBench reads what a record says in another writer's words (measured_heldout17.json, burned: development
 * data). garg-aayush/building-from-scratch's GRPO notes (grpo/Notes.md at 4ddca51) train Qwen2.5-Math-1.5B with
 * "weights, grads and AdamW states in bf16": pure bf16, as bf16-true. ethanyanjiali/Mai's Ray LoRA runs say nothing
 * of checkpointing ("not said"): unstated, as "not stated" is. ROCm/rocm-blogs' llama2-Qlora post gives rocm-smi's
 * reading summed over the two GCDs of an MI250, and its optimizer is paged_adamw_32bit.
 */
class RecordWordingReadingTest {
    private static List<JsonNode> set;

    @BeforeAll
    static void load() throws IOException {
        set = MeasuredRecords.of(MeasuredRecords.DIR.resolve("measured_heldout17.json"));
    }

    private static JsonNode record(String id) {
        return set.stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void weightsGradsAndAdamwStatesInBf16IsPureBf16() {
        Setup s = BudgetBench.devSetup(record("garg-grpo-qwen2.5-math-1.5b-baseline-rtx4090"));
        assertEquals(Setup.Precision.BF16, s.precision());
    }

    @Test
    void theGrpoBaselineIsWithinTenPercentOfItsPublishedPeak() {
        JsonNode r = record("garg-grpo-qwen2.5-math-1.5b-baseline-rtx4090");
        double predicted = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes().total();
        double measured = r.path("measured_bytes").asDouble();
        assertTrue(Math.abs(predicted - measured) / measured < 0.10, "predicted " + predicted + " of " + measured);
    }

    @Test
    void notSaidIsUnstatedAndTakesTheDefaultWithItsLine() {
        // "not said (llama-recipes' FSDP path; the post does not print ...)": a full fine-tune, default off
        // (Mai's records, the earlier example, name Ray's template, which turns it on: RayTemplateCheckpointingReading)
        Setup s = BudgetBench.devSetup(record("rocm-fsdp-llama2-7b-full-bs16-1xmi300x"));
        assertEquals(Setup.Checkpointing.NONE, s.checkpointing());
        assertTrue(BudgetBench.UNSTATED.matcher("not said").matches());
        assertTrue(BudgetBench.UNSTATED.matcher("not said (the post does not print its flag)").matches());
    }

    @Test
    void aRemarkNamingADefaultIsNotReadAsUnstated() {
        assertTrue(!BudgetBench.UNSTATED.matcher("not said (TrainingArguments without it: off by default)").matches());
    }

    @Test
    void aSourceScriptThatTurnsItOnIsReadAsOn() {
        String remark = "not stated (the template turns on gradient checkpointing)";
        assertTrue(BudgetBench.TURNED_ON.matcher(remark).matches());
    }

    @Test
    void aFigureSummedOverTheGcdsIsComparedWithTheSum() {
        assertTrue(BudgetBench.OVER_THE_CARDS.matcher(record("rocm-blogs-llama2-qlora-mi250-llama2-7b-lora")
                .path("measured_how").asText()).find());
    }

    @Test
    void pagedAdamw32bitIsReadAsThePaged32BitOptimizer() {
        Setup s = BudgetBench.devSetup(record("rocm-blogs-llama2-qlora-mi250-llama2-7b-full"));
        assertEquals(Setup.Optimizer.PAGED_ADAMW, s.optimizer());
    }
}
