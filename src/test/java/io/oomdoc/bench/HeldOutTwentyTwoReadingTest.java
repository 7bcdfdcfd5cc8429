package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * measured_heldout22 (scored blind in the thirty-second session, read in the thirty-third). Its lab QLoRA runs through
 * Unsloth's SFTTrainer ran without checkpointing (Unsloth 2026.5.2/2026.6.9 with trl 0.15.2: unslothai/unsloth#4735),
 * the same notebook rewritten with its own loop kept Unsloth's offloaded mode, and the CS336 pages step the course's
 * own AdamW, a loop over the parameters (brandon-snider/cs336-a2 cs336-basics/cs336_basics/optimizer.py at 7834ed5).
 */
class HeldOutTwentyTwoReadingTest {
    private static final String SET = "heldout22";
    private static final String TRAINER_RUN = "lab21-khanhmay-qwen2.5-3b-qlora-r16-qv-b1-s1024-t4";
    private static final String OWN_LOOP = "lab21-truongminhson-qwen2.5-3b-qlora-r16-qv-b1-s1024-t4";
    private static final String CS336_STEP = "cs336-brandon-2.7b-fp32-full-step-adamw-b4-s128";

    private static JsonNode record(String id) { return MeasuredRecords.record(SET, id); }

    @Test
    void theLabsTrainerRunsAreReadWithoutCheckpointing() {
        assertEquals(Setup.Checkpointing.NONE, BudgetBench.devSetup(record(TRAINER_RUN)).checkpointing());
    }

    @Test
    void theOwnLoopRunKeepsUnslothsOffloadedMode() {
        assertEquals(Setup.Checkpointing.OFFLOAD, BudgetBench.devSetup(record(OWN_LOOP)).checkpointing());
    }

    @Test
    void theCoursesOwnAdamWHasNoListWideCopy() {
        assertEquals(Setup.Optimizer.ADAMW_FUSED, BudgetBench.devSetup(record(CS336_STEP)).optimizer());
    }

    @Test
    void theTwoPointSevenBStepIsWithinATenthOfItsPublishedPeak() {
        JsonNode r = record(CS336_STEP);
        var t = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes();
        // memory_viz shows allocated tensors: the engine's total less its allocator slack, as BudgetBench compares
        double err = (double) (t.total() - t.overhead()) / r.path("measured_bytes").asLong() - 1;
        assertTrue(Math.abs(err) < 0.10, "error " + err);
    }
}
