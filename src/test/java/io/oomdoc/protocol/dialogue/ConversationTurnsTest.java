package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What Conversation does with a turn besides choosing its intent: what counts as a pasted failure, what a trace
 * teaches about the setup, how a statement, an answer to its question and a correction are acknowledged. Lines are
 * users' turns from the conversation fixtures (thread named per test); traces from src/test/resources/traces.
 */
class ConversationTurnsTest {
    /** Graph-COM/SubgraphRAG#19 (conversations/41): vLLM on a 3090, 131072 tokens against a 39024-token cache. */
    private static final String VLLM_41 = "running the reasoning step with llama3.1-8b-instruct through vllm on a 3090"
            + " and it fails right at startup:\n\"ValueError: The model's max seq len (131072) is larger than the"
            + " maximum number of tokens that can be stored in KV cache (39024). Try increasing"
            + " `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.\"";

    private final Conversation c = new Conversation();

    @Test
    void aTracebackOrAFramedFileLineIsAPaste() {
        assertTrue(Conversation.pastedFailure("File \"train.py\", line 3"));
        assertTrue(Conversation.pastedFailure(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")));
    }

    @Test
    void aQuestionThatNamesTheErrorIsNotAPaste() {
        assertFalse(Conversation.pastedFailure("why do I get CUDA out of memory?"));
        assertFalse(Conversation.pastedFailure("how do I fix RuntimeError: CUDA out of memory"));
    }

    @Test
    void aNonOomErrorLineIsAPaste() {
        // skhu101/GauHuman#21 (traces/notoom-gauhuman-illegal-access.txt): the error line alone.
        assertTrue(Conversation.pastedFailure("RuntimeError: CUDA error: an illegal memory access was encountered"));
    }

    @Test
    void twoLinesWithAnErrorLineAreAPaste() {
        assertTrue(Conversation.pastedFailure("epoch 2\nRuntimeError: something broke"));
        assertFalse(Conversation.pastedFailure("epoch 2\nloss 0.31"));
    }

    @Test
    void aLongQuestionIsReadAsAPasteWhenItCarriesAnAllocatorMessage() {
        // starVLA/starVLA#23 (FollowUpsTest's cut trace): the PyTorch message on one line, no traceback.
        assertTrue(Conversation.pastedFailure("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 11.50"
                + " GiB. GPU 0 has a total capacity of 23.51 GiB of which 9.38 GiB is free."));
    }

    @Test
    void oneTypedSentenceNamingTheErrorIsToldInProse() {
        // The Javadoc's own example: a smaller batch, then one typed line about the same error.
        assertTrue(Conversation.toldInProse("However, still I got CUDA out of memory error."));
        assertFalse(Conversation.toldInProse("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20 MiB"));
        assertFalse(Conversation.toldInProse("still OOM\nat epoch 2"));
        assertFalse(Conversation.toldInProse("x".repeat(300)));
        assertTrue(Conversation.toldInProse("x".repeat(299)));
    }

    @Test
    void smallTalkIsAnsweredByKind() {
        // karpathy/nanochat#157 and #443, LoRA_Easy_Training_Scripts#178 (conversations 02, 01, 09).
        assertEquals(Messages.get("smalltalk.hello"), new Conversation().respond("hello").text());
        assertEquals(Messages.get("smalltalk.thanks"),
                new Conversation().respond("thanks for the quick answer").text());
        assertEquals(Messages.get("smalltalk.bye"), new Conversation().respond("bye").text());
        assertEquals(Messages.get("smalltalk.ok"), new Conversation().respond("ok got it").text());
        assertEquals(Messages.get("smalltalk.other"), new Conversation().respond("hmm").text());
    }

    @Test
    void aTraceWithTheCardsCapacityRecordsItAndAsksNothing() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        assertEquals("11.75 GiB", String.valueOf(c.facts().asMap().get("gpu_mem")));
        assertNull(c.pendingKey());
        assertEquals(1, c.setAt().get("gpu_mem"));
    }

    @Test
    void aTraceWithoutTheCardAsksForIt() {
        // pytorch/pytorch#465 (traces/thc-model-cuda-legacy.txt): THC's "out of memory" names no capacity.
        c.respond(Fixtures.text("traces/thc-model-cuda-legacy.txt"));
        assertEquals("gpu", c.pendingKey());
    }

    @Test
    void theAnswerToTheCardQuestionIsNotedAndTheFailureReadAgain() {
        // deepspeedai/DeepSpeed#2899 (conversations/12): "the cards are a100 40gb" answers the card question.
        c.respond(Fixtures.text("traces/thc-model-cuda-legacy.txt"));
        Answer a = c.respond("the cards are a100 40gb");
        assertEquals(Intent.ANSWER, a.intent());
        assertEquals("Noted: gpu A100 40GB, gpu_mem 40 GiB.\nWith that, the likeliest cause is still: "
                + "the model's fixed cost does not fit the card.",
                a.text());
        assertNull(c.pendingKey());
    }

    @Test
    void aKvCacheFailureMakesTheJobAServingOne() {
        c.respond(VLLM_41);
        assertEquals("serving", c.facts().asMap().get("phase"));
        assertEquals("kv_cache_inference", c.report().category());
    }

    @Test
    void aCorrectionSaysWhatWasBeforeAndRereadsTheFailure() {
        c.respond(VLLM_41);
        Answer a = c.respond("sorry, it's 2 rtx 3090s, not one");
        assertEquals(Intent.CORRECTION, a.intent());
        assertEquals("Updated: gpu GeForce RTX 3090, gpu_mem 24 GiB, gpus 2 (was gpu GeForce RTX 3090, gpu_mem 24 GiB,"
                + " gpus 1).\nWith that, the likeliest cause is still: the inference KV cache "
                + "does not fit.", a.text());
        assertEquals(2, c.setAt().get("gpus"), "the turn that set the value");
        assertEquals(1, c.setAt().get("model"), "a value the correction did not change keeps its turn");
    }

    @Test
    void aStatementIsNotedFirst() {
        // Lightning-AI/litgpt#553 (conversations/15): "i think it's running in fp32".
        Answer a = c.respond("i think it's running in fp32");
        assertEquals(Intent.STATEMENT, a.intent());
        assertEquals("Noted: precision fp32.", a.text().lines().findFirst().orElse(""), a.text());
    }

    @Test
    void aZeroStageIsDescribedWithWhatItShards() {
        Facts f = Facts.EMPTY.with(b -> b.zeroStage(2));
        assertEquals("zero 2 (" + Messages.get("zero.shards.2") + ")", Conversation.describe(f));
        assertEquals(Messages.get("nothing.new"), Conversation.describe(null));
        assertEquals(Messages.get("nothing.new"), Conversation.describe(Facts.EMPTY));
    }

    @Test
    void resetForgetsTheFactsTheirTurnsAndTheFailure() {
        c.respond(VLLM_41);
        c.reset();
        assertEquals(Map.of(), c.facts().asMap());
        assertEquals(Map.of(), c.setAt());
        assertNull(c.report());
    }

    /** deepspeedai/DeepSpeedExamples#665 (conversations/L12): bloom 3B with LoRA, ZeRO-3, one 32 GB GPU. */
    private static final String BLOOM_L12 = "deepspeed --num_gpus 1 main.py --model_name_or_path bloom_3b1/"
            + " --per_device_train_batch_size 2 --max_seq_len 1024 --lora_dim 8 --only_optimize_lora"
            + " --lora_module_name rwtranrsformer.h.1 --zero_stage 3 --deepspeed\n"
            + "I get out of memory on a 32G GPU. I think a 3b model with lora at batch size 2 should easily fit?";

    @Test
    void zeroOnASingleGpuIsAnsweredFirstWithNothingToShard() {
        c.respond(BLOOM_L12);
        Answer a = c.respond("does zero stage 3 even help on a single GPU?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertEquals(Messages.get("followup.zero.single"), a.text().lines().findFirst().orElse(""), a.text());
    }

    @Test
    void whetherAChangeHelpsIsAnsweredForTheFailureHeldWithoutAdoptingIt() {
        c.respond(BLOOM_L12);
        Answer a = c.respond("would gradient checkpointing help?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().startsWith("Yes, it acts on what fails here: checkpointing full changes the term behind"
                + " the likeliest cause (the activations of the batch do not fit)."), a.text());
        assertNull(c.facts().asMap().get("checkpointing"));
    }

    @Test
    void theChangeAskedAboutIsAdoptedWhenTheUserSaysTheyWillUseIt() {
        c.respond(BLOOM_L12);
        c.respond("would gradient checkpointing help?");
        // The wording oomdoc's own answer asks for ("say \"I'll use it\"").
        Answer a = c.respond("ok, i'll use it");
        assertEquals(Intent.STATEMENT, a.intent());
        assertTrue(a.text().startsWith("Adopted: checkpointing full."), a.text());
        assertEquals("full", String.valueOf(c.facts().asMap().get("checkpointing")));
        assertEquals(3, c.setAt().get("checkpointing"));
    }
}
