package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a change means for the job, said as an expert would (issue 13's what-if class): a count changed by a ratio is
 * answered by that ratio, a setting's level is not a count, the other 16-bit format costs the same bytes, and the
 * snippet shown makes the change asked, not the one its table row was written for. Real turns are played from the
 * burned conversation sets (each file records its thread on its source line).
 */
class WhatIfMeaningTest {
    /** Llama 3.1 8B full fine-tune in bf16 on four A100 80GB under DeepSpeed ZeRO-3 (seq 2048, batch 4). */
    private static final Facts ZERO3_BF16 = Facts.builder().gpuName("A100 80GB").gpuMemBytes(80L << 30)
            .worldSize(4).model("llama-3.1-8b").precision("bf16").optimizer("adamw").zeroStage(3)
            .framework("deepspeed").seqLen(2048).batch(4).build();

    /** AnimateDiff SDXL (conversations L28 #4): "and with 8 frames instead of 16?" is a halving of the frames. */
    @Test
    void aCountSaidInsteadOfAnotherIsAnsweredByItsRatio() {
        String s = FitTurnsOnRealThreadsTest.turn("conversations",
                "L28-animatediff-sdxl-1024-16-frames-16gb-oom.txt", 4).text();
        assertTrue(s.contains("From 16 to 8 is 0.5×"), s);
        assertFalse(s.contains("decoded"), s);
    }

    /**
     * EuroEval on vLLM (conversations_heldout12 M32 #5): "from 10,000 tokens to 3,000" is 0.3 of the length, not a
     * change from 10000 to 3.
     */
    @Test
    void aCountWithThousandsSeparatorsIsOneNumber() {
        String s = FitTurnsOnRealThreadsTest.turn("conversations_heldout12",
                "M32-euroeval-vllm-90-percent-and-max-model-len.txt", 5).text();
        assertTrue(s.contains("From 10000 to 3000 is 0.3×"), s);
    }

    /** MGLD video super-resolution (conversations_heldout26 P08 #5): "half as many frames per clip" halves them. */
    @Test
    void halfAsManyIsAHalving() {
        String s = FitTurnsOnRealThreadsTest.turn("conversations_heldout26", "P08-mgld-vsr-32gb-4.39gib.txt", 5)
                .text();
        assertTrue(s.startsWith("Halving frames per clip"), s);
    }

    @Test
    void aStageJoinedToItsNameIsNotACount() {
        assertNull(Ratios.of(new Calculations.Ask("what if I use ZeRO-2 instead of 3?",
                "what if I use ZeRO-2 instead of 3?", ZERO3_BF16)));
    }

    @Test
    void theShardingSnippetIsShownAtTheStageAsked() {
        String s = StackHow.line("what if I use ZeRO-2 instead of 3?", Facts.builder().zeroStage(2).build(),
                ZERO3_BF16);
        assertTrue(s.contains("\"stage\": 2"), s);
        assertFalse(s.contains("stage3"), s);
    }

    @Test
    void aStackThatSpellsNoStageShowsNoStageThreeSnippetForStageTwo() {
        assertNull(StackHow.line("what if I use ZeRO-2 instead of 3?", Facts.builder().zeroStage(2).build(),
                ZERO3_BF16.toBuilder().framework("pytorch").build()));
    }

    @Test
    void fp16InsteadOfBf16CostsTheSameBytesAndNeedsALossScaler() {
        String s = BudgetAnswers.whatIf("what if I use fp16 instead of bf16?", ZERO3_BF16,
                Facts.builder().precision("fp16").build(), null).text();
        assertTrue(s.contains("both store 2 bytes per value"), s);
        assertTrue(s.contains("\"fp16\": {\"enabled\": true, \"loss_scale\": 0"), s);
        assertFalse(s.contains("\"bf16\": {\"enabled\": true}"), s);
    }

    @Test
    void halvingTheResolutionIsNotHalvingTheBatch() {
        Facts vit = Facts.builder().gpuName("GeForce RTX 4090").gpuMemBytes(24L << 30).model("vit-large")
                .precision("fp32").optimizer("adamw").framework("pytorch").batch(16).build();
        String s = BudgetAnswers.whatIf("what if I halve the resolution?", vit, Facts.EMPTY, null).text();
        assertTrue(s.startsWith("Halving resolution halves both sides"), s);
        assertFalse(s.contains("micro-batch 8"), s);
    }

    /**
     * PyTorch forum (conversations_heldout8 I33 #3): "which function do I use to monitor the GPU memory usage from
     * the script?" is answered with the allocator's own counters, not with nvidia-smi's process list.
     */
    @Test
    void monitoringMemoryFromTheScriptIsTheAllocatorsCounters() {
        Answer a = FitTurnsOnRealThreadsTest.turn("conversations_heldout8",
                "I33-pytorch-forum-del-tensor-memory-not-freed.txt", 3);
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("max_memory_allocated"), a.text());
    }

    /**
     * Zero123 on V100s (conversations_heldout15 P14 #3): "how do I keep a larger effective batch with PyTorch
     * Lightning?" The knob row's syntax and the how-to row's Lightning snippet are the same line: it is shown once.
     */
    @Test
    void aSnippetTheKnobRowAlreadyShowsIsNotPrintedTwice() {
        String s = FitTurnsOnRealThreadsTest.turn("conversations_heldout15",
                "P14-zero123-v100-32gb-batch-12-accumulate.txt", 3).text();
        assertEquals(1, s.split("Trainer\\(accumulate_grad_batches=8\\)", -1).length - 1, s);
    }
}
