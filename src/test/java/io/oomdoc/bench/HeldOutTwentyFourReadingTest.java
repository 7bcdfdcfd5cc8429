package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * measured_heldout24 (scored blind in the thirty-fourth session, read in the thirty-fifth). Its Long-Context study rows
 * (DandinPower/Long-Context-LLM-Finetuning-Study README at 1d916b5; training.py, utils/model_utils.py and
 * configs/cpu.json at cae8760) run ZeRO-3 with both offloads, stage3_max_live_parameters 0, Liger's patched model
 * (AutoLigerKernelForCausalLM) and an Unsloth-style offloaded checkpoint; the records say all of it in words, which the
 * reader took as no checkpointing and Liger's loss over whole logits (30-50x over). Gefen-X's rows (thad0ctor/Gefen-X
 * docs/hardware.md at 10514db, COMPATIBILITY.md at 0440664) train bf16 parameters with no master copy ("pure bf16") and,
 * in one row, the library's 8-bit-state optimizer.
 */
class HeldOutTwentyFourReadingTest {
    private static final String SET = "heldout24";
    private static final String LONG_8B = "long-context-study-llama3.1-8b-s128000-4xa100-zero3-offload";
    private static final String LONG_V100 = "long-context-study-llama3.1-8b-s32768-8xv100-zero3-offload";
    private static final String GEFEN_8B = "gefen-x-qwen3-8b-full-adamw-bf16-b2-short-rtxpro6000";
    private static final String GEFEN_COMPAT = "gefen-x-compat-llama3.2-1b-full-gefen-bf16-b2-short-3090";

    private static JsonNode record(String id) { return MeasuredRecords.record(SET, id); }

    /** The engine's total less its allocator slack: what max_memory_allocated reads, as BudgetBench compares. */
    private static double error(String id) {
        JsonNode r = record(id);
        var t = new BudgetEngine().estimate(BudgetBench.devSetup(r), null).perGpuBytes();
        return (double) (t.total() - t.overhead()) / r.path("measured_bytes").asLong() - 1;
    }

    @Test
    void checkpointingWithItsLayerInputsOffloadedToCpuIsOffloadedCheckpointing() {
        assertEquals(Setup.Checkpointing.OFFLOAD, BudgetBench.devSetup(record(LONG_8B)).checkpointing());
    }

    @Test
    void ligersFusedLinearCrossEntropyInWordsIsTheFusedLinearLossWithLigersKernels() {
        Setup s = BudgetBench.devSetup(record(LONG_8B));
        assertEquals(Setup.Loss.FUSED_LINEAR, s.loss());
        assertTrue(s.ligerKernels());
    }

    @Test
    void theConfigsZeroLiveParametersAreReadAsSet() {
        assertEquals(0, BudgetBench.devSetup(record(LONG_8B)).liveParameters());
    }

    @Test
    void theLongContextRowsComeWithinAFifthOfThePublishedPeaks() {
        assertEquals(0, error(LONG_8B), 0.2);
        assertEquals(0, error(LONG_V100), 0.2);
    }

    @Test
    void pureBf16InWordsHasNoMasterCopy() {
        assertEquals(Setup.Precision.BF16, BudgetBench.devSetup(record(GEFEN_8B)).precision());
        assertEquals(0, error(GEFEN_8B), 0.05);
    }

    @Test
    void eightBitOptimizerStatesInWordsAreTheEightBitOptimizer() {
        assertEquals(Setup.Optimizer.ADAMW_8BIT, BudgetBench.devSetup(record(GEFEN_COMPAT)).optimizer());
    }
}
