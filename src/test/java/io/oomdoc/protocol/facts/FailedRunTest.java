package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A turn that compares a run that worked with one that failed holds the failed run's setting: the failure is what
 * the user brings. The turns are real users' own, from the burned conversation set 23 (fixture and thread on each).
 */
class FailedRunTest {
    private static Integer batch(String turn) { return FactReader.read(turn).asserted().batch(); }

    // conversations_heldout23/P24-metaclip-vitb16-v100-batch-512.txt #1 (facebookresearch/MetaCLIP#47)
    @Test
    void theBatchThatRunsOutOfMemoryIsTheBatchNotTheOneThatFits() {
        assertEquals(512, batch("reproducing ViT-B-16-quickgelu on V100 32GB GPUs with the released config. "
                + "batch_size 256 uses 26 of 32 GB, and batch_size 512 runs out of memory. why?"));
    }

    // conversations_heldout23/P32-colpali-gradcache-batch-192.txt #1 (illuin-tech/colpali#416)
    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aPeakThatFitsDoesNotMakeItsBatchTheRunsBatch() {
        assertEquals(192, batch("training ColQwen2 (LoRA on Qwen2-VL-2B) with ColbertLoss and in-batch negatives "
                + "on one RTX PRO 6000 with 96 GiB, gradient checkpointing on. batch 128 fits at 88.7 GiB peak, "
                + "batch 192 runs out of memory."));
    }

    // corpus/training.jsonl, longchat-28-7b-32k-context-8xa100 (DachengLi1/LongChat#28): the failure is said of a
    // figure that is not read as a setting, so the run that trains must not take it
    @Test
    void aFailureSaidOfAnotherFigureIsNotTheRunBeforeIt() {
        assertEquals(32_768, FactReader.read("Fine-tuning a 7B LLaMA with LongChat's condensed-RoPE recipe to a 32k "
                + "context on 8x A100 80GB, batch size 1, ZeRO-3; 8k context trains even on two GPUs, 32k runs out "
                + "of memory regardless of GPU count.").asserted().seqLen());
    }
}
