package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The glossary (knowledge/dialogue/glossary.yaml) answers what a term costs in memory: the term a question names is
 * the most specific one, and its words carry the figure an expert would give. Terms as they appear in public
 * threads and docs (source on each test).
 */
class GlossaryTest {
    private static Topics.Topic term(String question) {
        return Topics.find(Topics.glossary(), question).orElseThrow();
    }

    /** docs.vllm.ai quantized_kvcache: fp8 keys and values take one byte instead of two. */
    @Test
    void theKvCacheDtypeIsItsOwnTermAndHalvesTheCache() {
        Topics.Topic t = term("what does --kv-cache-dtype fp8 change");
        assertEquals("kv cache dtype", t.name());
        assertTrue(t.texts().get("text").contains("1 byte") && t.texts().get("text").contains("halves"));
    }

    /** github.com/huggingface/transformers/issues/22639: every beam is a sequence of its own in generate. */
    @Test
    void beamSearchMultipliesTheCacheByTheBeams() {
        Topics.Topic t = term("why does num_beams=4 need more memory than greedy decoding");
        assertEquals("beam search", t.name());
        assertTrue(t.texts().get("text").contains("each beam"));
    }

    /** github.com/ggml-org/llama.cpp/pull/6017: llama.cpp logs "pipeline parallelism enabled (n_copies=4)". */
    @Test
    void llamaCppPipelineCopiesAreExplainedAsMoreComputeBuffers() {
        Topics.Topic t = term("what does llama_new_context_with_model: pipeline parallelism enabled (n_copies=4) mean");
        assertEquals("pipeline parallel copies", t.name());
        assertTrue(t.texts().get("text").contains("GGML_SCHED_MAX_COPIES"));
    }

    /** huggingface.co/docs/transformers perf_train_gpu_one: checkpointing trades memory for recomputation. */
    @Test
    void checkpointingSaysWhatItCosts() {
        Topics.Topic t = term("what does gradient checkpointing cost me");
        assertEquals("gradient checkpointing", t.name());
        assertTrue(t.texts().get("text").contains("20-30% slower"));
    }

    /** kohya-ss sd-scripts' --network_dim is LoRA's rank (Hu et al.): adapters grow with it, the base does not. */
    @Test
    void theLoraRankScalesOnlyTheAdapters() {
        Topics.Topic t = term("how much memory does a higher network_dim take");
        assertEquals("lora rank", t.name());
        assertTrue(t.texts().get("text").contains("r·(d_in + d_out)"));
    }

    @Test
    void askingWhatATechniqueGivesUpIsAnExplanation() {
        assertEquals(Intent.EXPLAIN, new Conversation().respond("what does gradient checkpointing give up").intent());
    }

    /**
     * LLaVA-Mini on 8 GB (burned set 25, P17-llava-mini-8gb-meta-device.txt #2): "device meta" is its own term, a
     * placeholder with no data, not the FSDP loading note that shares the two words.
     */
    @Test
    void theMetaDeviceIsAPlaceholderWithoutData() {
        var v = CaseFiguresTest.turn(java.nio.file.Path.of("src/test/resources/conversations_heldout25"),
                "P17-llava-mini-8gb-meta-device.txt", 2);
        assertTrue(v.output().startsWith("Meta device: A tensor on the meta device has a shape"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
