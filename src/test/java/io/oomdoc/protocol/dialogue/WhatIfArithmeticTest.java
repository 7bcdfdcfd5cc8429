package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if answers with the figure before and after and the one line of arithmetic behind it: weights at the bits
 * per weight said, 4-bit weights with their quantisation scales, an adapter's rank, the model states under another
 * ZeRO stage, a side said with its unit, a count compared with its old value said bare. Real turns of the burned
 * held-out sets (scored blind once, development data since), each with the turns before it as the conversation
 * keeps them (the last three, newest first); the calculations are called directly, so no engine is loaded.
 */
class WhatIfArithmeticTest {
    private static final Path SET2 = Path.of("src/test/resources/conversations_heldout2");
    private static final Path SET4 = Path.of("src/test/resources/conversations_heldout4");
    private static final Path SET13 = Path.of("src/test/resources/conversations_heldout13");
    private static final Path SET21 = Path.of("src/test/resources/conversations_heldout21");
    private static final Path SET30 = Path.of("src/test/resources/conversations_heldout30");
    private static final Path SET31 = Path.of("src/test/resources/conversations_heldout31");
    private static final Path SET32 = Path.of("src/test/resources/conversations_heldout32");
    private static final int CONTEXT_TURNS = 3;

    /** The computed lines for turn {@code index} (1-based) of a transcript, with no facts held. */
    private static String computed(Path dir, String file, int index) {
        var turns = Transcripts.read(dir.resolve(file)).turns();
        String text = turns.get(index - 1).input();
        StringBuilder context = new StringBuilder(text);
        for (int i = index - 2; i >= Math.max(0, index - 1 - CONTEXT_TURNS); i--) {
            context.append('\n').append(turns.get(i).input());
        }
        String s = Calculations.of(text, context.toString(), Facts.EMPTY);
        return s == null ? "" : s;
    }

    /** github.com/chu-tianxiang/exl2-for-all/issues/5 (heldout31 P12): "and a 13B at 4.0bpw?" is 13B x 4 / 8 bytes. */
    @Test
    void bitsPerWeightSaidAreTheWeightsSize() {
        String s = computed(SET31, "P12-exl2-model-sizes-on-a-colab-t4.txt", 3);
        assertTrue(s.contains("13B parameters × 4 bits ÷ 8 = 6.5 GB"), s);
    }

    /**
     * github.com/ljy0ustc/LLaRA/issues/8 (heldout10 K02's turn): Llama-2-7B's base in 4-bit keeps a scale per block
     * of weights, so the half byte per parameter understates it.
     */
    @Test
    void fourBitWeightsCountTheirQuantisationScales() {
        String s = Sizes.weights("what if I load the base model in 4-bit like QLoRA?",
                Facts.EMPTY.with(b -> b.params(6_740_000_000L)));
        assertTrue(s.contains("0.52-0.57 B/param with the quantisation scales stored beside them: 3.5-3.84 GB"), s);
    }

    /** github.com/artidoro/qlora/issues/184 (heldout2 K16): r=256, 408,944,640 trainable, then "what if r=64". */
    @Test
    void adapterRankScalesTheTrainableParametersAndTheirStates() {
        String s = computed(SET2, "K16-qlora-30b-two-3090-rank-256.txt", 3);
        assertTrue(s.contains("LoRA rank 256 → 64") && s.contains("Trainable 409M → 102M parameters"), s);
    }

    /** github.com/The-School-of-AI/LLM/issues/183 (heldout32 P40): 8B on 8 cards, ZeRO-2, then "and under ZeRO-3?". */
    @Test
    void anotherZeroStageShardsTheSameStates() {
        String s = computed(SET32, "P40-zero-2-and-zero-3-configs-for-1b-to-70b.txt", 2);
        assertTrue(s.contains("With ZeRO-3 over 8 GPUs each card holds: 16-bit weights 2 GB, gradients 2 GB, AdamW's"
                + " fp32 states 12 GB = 16 GB"), s);
    }

    /** The same conversation's first turn lists 1B, 3B, 8B and 70B and asks "for the 8B": that one is computed. */
    @Test
    void theModelSingledOutByTheIsTheOneAskedAbout() {
        String s = computed(SET32, "P40-zero-2-and-zero-3-configs-for-1b-to-70b.txt", 1);
        assertTrue(s.contains("Full fine-tuning of 8B parameters"), s);
    }

    /** github.com/binli123/dsmil-wsi/issues/45 (heldout30 P33): "224 px patches", then "crop the patches to 112 px". */
    @Test
    void aSideSaidWithItsUnitIsAnImageSide() {
        String s = computed(SET30, "P33-dsmil-simclr-batch-512.txt", 3);
        assertTrue(s.contains("Resolution 224×224 → 112×112"), s);
    }

    /** github.com/jshtok/RepMet/issues/11 (heldout32 P23): "downscale COCO from an 800 to a 600 pixel short side". */
    @Test
    void anArticleBetweenPrepositionAndSideKeepsTheSide() {
        String s = computed(SET32, "P23-repmet-coco-training-on-12gb.txt", 3);
        assertTrue(s.contains("Resolution 800×800 → 600×600"), s);
    }

    /**
     * github.com/facebookresearch/video-long-term-feature-banks/issues/27 (heldout31 P33): "sample 16 frames per clip
     * instead of 32".
     */
    @Test
    void aBareOldCountTakesTheNewCountsUnit() {
        String s = computed(SET31, "P33-long-term-feature-banks-on-four-2080-tis.txt", 4);
        assertTrue(s.contains("32 frames → 16 frames"), s);
    }

    /**
     * github.com/Stability-AI/lm-evaluation-harness/issues/83 (heldout4 M06): a 7B evaluated, then "what would llama2
     * 70B need then".
     */
    @Test
    void anotherModelScalesWhatIsPaidPerParameter() {
        String s = computed(SET4, "M06-stability-lm-eval-7b-26gb-vs-15gb.txt", 3);
        assertTrue(s.contains("Model 7B → 70B parameters, ×10.00 (10 times): 16-bit weights 14 GB → 140 GB"), s);
    }

    /** github.com/LSXI7/MINIMA/issues/48 (heldout32 P20): 24 GB cards, then "and on the two A100 80GB instead?". */
    @Test
    void anotherCardGivesTheMemoryBeforeAndAfterPerCard() {
        String s = computed(SET32, "P20-minima-training-on-two-4090s.txt", 5);
        assertTrue(s.contains("(24 GiB) → A100 80GB (80 GiB), ×3.33 the memory per card: 56 GiB more room"), s);
        assertTrue(s.contains("The 2 cards do not pool their memory"), s);
    }

    /** github.com/linwhitehat/ET-BERT/issues/89 (heldout31 P22): "把 batch 从 32 降到 16 呢？", batch 32 → 16. */
    @Test
    void aChineseBatchChangeIsABatchChange() {
        String s = computed(SET31, "P22-et-bert-finetune-on-a-4090.txt", 5);
        assertTrue(s.contains("Batch 32 → 16"), s);
    }

    /**
     * github.com/huchenlei/ComfyUI_omost/issues/53 (heldout17 P31): "the weights of an 8B at Q4_K_M" are 8B x 4.85
     * bits, the K-quant mix's average.
     */
    @Test
    void aGgufTypeNamedIsItsBitsPerWeight() {
        String s = Sizes.weights("how much VRAM do the weights of an 8B at Q4_K_M take?", Facts.EMPTY);
        assertTrue(s.contains("8B parameters × 0.61 bytes (Q4_K_M: 4-bit blocks, 4.85 bits per weight with their"
                + " scales) = 4.85 GB"), s);
    }

    /**
     * github.com/zhangfaen/finetune-Qwen2-VL/issues/19 (heldout21 P24, Qwen2-VL-7B): "what if I swap AdamW for plain
     * SGD": 8 → 0 B of state a parameter.
     */
    @Test
    void anotherOptimizerChangesOnlyItsOwnState() {
        String s = computed(SET21, "P24-finetune-qwen2vl-7b-two-a100.txt", 3);
        assertTrue(s.contains("AdamW (two fp32 moments) → plain SGD (no state): its state per trained parameter 8 → 0"
                + " bytes") && s.contains("mixed precision 16 → 8 B/param, 112 GB → 56 GB"), s);
    }

    /**
     * discuss.huggingface.co/t/llama-7b-gpu-memory-requirement/34323 (heldout13 N41): "... 4 bytes per parameter with
     * SGD. what if I use SGD instead of Adam?".
     */
    @Test
    void theOptimizerBeforeInsteadOfIsTheNewOne() {
        String s = computed(SET13, "N41-hf-forum-llama-7b-gpu-memory-requirement.txt", 4);
        assertTrue(s.contains("Optimizer AdamW (two fp32 moments) → plain SGD"), s);
    }

    /** github.com/FlagOpen/FlagEmbedding/issues/731 (heldout13 N45): "max_len 2048 ... compared to 1024?". */
    @Test
    void aLengthComparedWithAnotherIsTheChangeFromIt() {
        String s = computed(SET13, "N45-flagembedding-bge-m3-reranker-8x-a40-deepspeed-stage.txt", 4);
        assertTrue(s.contains("Length 1024 → 2048"), s);
    }

    /** github.com/test-time-training/ttt-lm-jax/issues/8 (heldout6 G46): 256 as "4 accumulation steps of 64". */
    @Test
    void accumulationStepsOfAMicroBatchAreThatBatch() {
        String s = Scaling.of("what if I split it into 4 accumulation steps of 64",
                Facts.EMPTY.with(b -> b.batch(256)));
        assertTrue(s != null && s.contains("Batch 256 → 64") && s.contains("×0.25"), s);
    }

    /** github.com/murong-xu/CADS/issues/4 (heldout7 H06's form): a 31.47 GiB card held, "on a 48 GB card". */
    @Test
    void aCardSaidByItsSizeIsComparedWithTheCardHeld() {
        String q = "what if I ran it on a 48 GB card";
        String s = CardChange.of(new Calculations.Ask(q, q, Facts.EMPTY.with(b -> b.gpuMemBytes(31L << 30))));
        assertTrue(s != null && s.contains("the card held (31 GiB) → a 48 GB card (48 GiB), ×1.55 the memory per card: "
                + "17 GiB more room"), s);
    }
}
