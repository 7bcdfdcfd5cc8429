package io.oomdoc.protocol.dialogue;

import io.oomdoc.bench.ConversationBench;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures the case itself implies, computed in the answer of a real conversation played turn by turn (the fixtures in
 * src/test/resources/conversations name their source thread).
 */
class CaseFiguresTest {
    static final java.nio.file.Path HELD_OUT_10 = java.nio.file.Path.of("src/test/resources/conversations_heldout10");
    static final java.nio.file.Path HELD_OUT_11 = java.nio.file.Path.of("src/test/resources/conversations_heldout11");
    /** Plays a fixture up to and including turn {@code index} (1-based) and returns that turn's verdict. */
    static Transcripts.Verdict turn(String file, int index) { return turn(Transcripts.DIR, file, index); }

    /**
     * The same for a burned held-out set's file (scored once, development data since) that cannot join the suite yet:
     * TranscriptFactsTest holds every fact line of src/test/resources/conversations, and one of its facts fails.
     */
    static Transcripts.Verdict turn(java.nio.file.Path dir, String file, int index) {
        var t = Transcripts.read(dir.resolve(file));
        Conversation c = new Conversation();
        return Transcripts.play(t, c::respond, c::facts, ConversationBench::render).get(index - 1);
    }

    /** The turn's answer contains these words, and the turn holds by its labels. */
    static void holdsSaying(java.nio.file.Path dir, String file, int index, String words) {
        var v = turn(dir, file, index);
        assertTrue(v.output().contains(words), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/facebookresearch/metaseq/issues/636: full fine-tuning of OPT-175B is 16 bytes per parameter. */
    @Test
    void fullFineTuningIsSixteenBytesPerParameter() {
        var v = turn("J11-metaseq-opt-175b-finetune-memory.txt", 3);
        assertTrue(v.output().contains("16 bytes per parameter"), v.output());
        assertTrue(v.output().contains("2800 GB (2.8 TB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/QwenLM/Qwen/issues/1030: ZeRO-3 "shards them over 8" splits the 28 GB of 16-bit weights. */
    @Test
    void weightsShardedOverRanksArePerCard() {
        var v = turn("J03-qwen-14b-chat-lora-eight-v100-16gb-zero3.txt", 3);
        assertTrue(v.output().contains("3.5 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/FlyMyAI/flymyai-lora-trainer: "in fp32 and in bf16" asks for both sizes, however it is worded. */
    @Test
    void twoFormatsNamedGiveTheWeightsTable() {
        var v = turn("J07-flymyai-lora-trainer-32gb-ram-shards.txt", 4);
        assertTrue(v.output().contains("80 GB in fp32, 40 GB in 16-bit"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/ggml-org/whisper.cpp/issues/1327: "large-v2" alone is Whisper's checkpoint (1.55B), so its size in
     * two formats is computed from the catalog.
     */
    @Test
    void aModelNamedByItsCheckpointAliasIsSized() {
        var v = turn("J39-whisper-cpp-memory-vs-python.txt", 3);
        assertTrue(v.output().contains("6.2 GB in fp32, 3.1 GB in 16-bit"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/vllm-project/vllm/issues/7028: after gpu_memory_utilization was discussed on a T4, "what if I set it
     * to 0.5?" is that flag's share of the card, computed: the T4 holds 15360 MiB with ECC on (the turn's own
     * expectation lists 7.5 first).
     */
    @Test
    void aFractionGivenToItIsTheFlagDiscussed() {
        var v = turn("J23-vllm-awq-7b-t4-utilization-0.1-no-cache-blocks.txt", 3);
        assertTrue(v.output().contains("0.5 of a 15 GiB card is 7.5 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/OpenMOSS/MOSS/issues/272: the model states of the 16B under fp16 mixed precision and Adam, per GPU
     * on two cards: 16 bytes per parameter, halved.
     */
    @Test
    void modelStatesPerGpuAreSplitOverTheCards() {
        String q = "how much do the model states of the 16B moss take with fp16 mixed precision and Adam, per GPU on "
                + "two cards?";
        String s = Calculations.of(q, q, Facts.EMPTY);
        assertTrue(s.contains("= 256 GB of model states"), s);
        assertTrue(s.contains("about 128 GB on each of 2 GPUs"), s);
    }

    /**
     * github.com/deepspeedai/DeepSpeed/issues/3132: GPT-J 6B under ZeRO-3 on eight 3090s, the optimizer's share of
     * each card: Adam's 12 bytes per parameter over 8.
     */
    @Test
    void theOptimizersShareIsTwelveBytesPerParameterOverTheRanks() {
        String q = "how much does each 3090 hold for the optimizer when zero 3 splits it over 8 gpus";
        String s = Calculations.of(q, q, Facts.EMPTY.with(b -> b.params(6_053_381_344L)));
        assertTrue(s.contains("12 bytes each"), s);
        assertTrue(s.contains("about 9.08 GB on each of 8 GPUs"), s);
    }

    /**
     * github.com/meta-llama/llama-cookbook/issues/235 (torchrun --nproc_per_node 4 finetuning.py --enable_fsdp
     * --quantized on four T4s): the 4-bit weights "on each card" are split over the four ranks FSDP shards them on;
     * without sharding every rank holds the whole copy.
     */
    @Test
    void weightsOnEachCardSplitOnlyWhenShardedOverTheGpusHeld() {
        String q = "how much do the 4-bit weights of llama-2-7b take on each card?";
        Facts fsdp = Facts.EMPTY.with(b -> b.worldSize(4).zeroStage(3));
        assertTrue(Calculations.of(q, q, fsdp).contains("0.88 GB (0.81 GiB) on each of 4 GPUs"), q);
        Facts ddp = Facts.EMPTY.with(b -> b.worldSize(4));
        assertTrue(!Calculations.of(q, q, ddp).contains("on each of"), Calculations.of(q, q, ddp));
        var c = new Conversation();
        c.respond("torchrun --nnodes 1 --nproc_per_node 4 examples/finetuning.py --enable_fsdp --use_peft --quantized");
        assertEquals(3, c.facts().zeroStage());
    }

    /**
     * github.com/paperswithcode/galai/issues/53 (galactica-125m asked for 10,000 new tokens): "how much memory does a 125m
     * model need" is its weights in every format; a question about training it is left to the budget.
     */
    @Test
    void howMuchAModelNeedsIsItsWeightsInEveryFormat() {
        String q = "how much memory does a 125m model need in the first place";
        String s = Calculations.of(q, q, Facts.EMPTY);
        assertTrue(s.contains("0.5 GB in fp32, 0.25 GB in 16-bit"), s);
        String train = "how much memory does training a 125m model need";
        String t = Calculations.of(train, train, Facts.EMPTY);
        assertTrue(t == null || !t.contains("in every format") && !t.contains("0.25 GB in 16-bit"), t);
    }

    /**
     * github.com/unslothai/unsloth/issues/2302: Llama-4-Scout on one H200, "only 17B parameters are active, why
     * doesn't it fit?": every expert stays in memory, so the total count is what must fit.
     */
    @Test
    void aMixtureOfExpertsKeepsEveryExpertInMemory() {
        String q = "but only 17B parameters are active, why doesn't it fit?";
        String s = Calculations.of(q, q, Facts.EMPTY.with(b -> b.model("llama-4-scout")));
        assertTrue(s.contains("all 109B parameters (16 experts) stay in memory, 218 GB"), s);
        assertTrue(Calculations.of(q, q, Facts.EMPTY.with(b -> b.model("llama-3.1-8b"))) == null
                || !Calculations.of(q, q, Facts.EMPTY.with(b -> b.model("llama-3.1-8b"))).contains("experts"));
    }

    /**
     * github.com/jax-ml/jax/issues/15926: self-attention over a 720x1280 image is 921,600 tokens, 3.4 TB of scores
     * per head; over 16x16 patches (the image from the turn before) it is 3,600 tokens and 51.8 MB.
     */
    @Test
    void attentionOverAnImageIsTokensSquared() {
        String q = "how big is the attention matrix for 720x1280";
        String s = Calculations.of(q, q, Facts.EMPTY);
        assertTrue(s.contains("921,600 tokens") && s.contains("3.4 TB"), s);
        String w = "what if I attend over 16x16 patches instead of pixels";
        String p = Calculations.of(w, w + "\n" + q, Facts.EMPTY);
        assertTrue(p.contains("in 16×16 patches is 3,600 tokens") && p.contains("51.8 MB"), p);
    }

    /**
     * github.com/huggingface/text-generation-inference/issues/710: "how much of each 24 GB card do the 70B weights take
     * across 8 shards?" is the 16-bit weights split over the shards, 140 GB / 8.
     */
    @Test
    void weightsAcrossShardsArePerCard() {
        var v = turn(HELD_OUT_11, "L18-tgi-llama2-70b-eight-a10g-not-enough-memory-16000-tokens.txt", 2);
        assertTrue(v.output().contains("Split over 8 GPUs, each holds 17.5 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** The same thread: "how much KV cache does one token of Llama 2 70B take" is per token, with no length named. */
    @Test
    void oneTokenOfKvCacheIsComputedFromTheArchitecture() {
        var v = turn(HELD_OUT_11, "L18-tgi-llama2-70b-eight-a10g-not-enough-memory-16000-tokens.txt", 4);
        assertTrue(v.output().contains("80 layers × 8 KV heads") && v.output().contains("320 KiB per token"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/nshepperd/gpt-2/issues/5: "what is that tensor of shape [1,16,1024,1024] and how
     * big is it?" is 64 MiB in fp32, written the way people quote it (not 64.00 MiB).
     */
    @Test
    void aShapeIsSizedInTrimmedUnits() {
        var v = turn("K04-gpt2-345m-tf-1080ti-checkpointing.txt", 2);
        assertTrue(v.output().contains("× 4 B = 64 MiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/sunsmarterjie/yolov12/issues/119: "how much bigger is 2048 than the default 640 in pixels?" compares
     * two square image sides: 3.2× the side is 10.2× the pixels.
     */
    @Test
    void twoImageSidesCompareByTheSquareOfTheirRatio() {
        var v = turn(HELD_OUT_10, "K18-yolov12s-2048-images-batch-1-12gb.txt", 2);
        assertTrue(v.output().contains("Resolution 640×640 → 2048×2048") && v.output().contains("×10.24"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
