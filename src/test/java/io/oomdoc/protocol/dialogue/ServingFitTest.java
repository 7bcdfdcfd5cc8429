package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fit question about serving is answered by what inference holds (weights in the format asked, the KV cache at the
 * context stated, split over the GPUs), yes or no on the first line, never by the training budget.
 */
class ServingFitTest {
    private static final java.nio.file.Path HELD_OUT =
            java.nio.file.Path.of("src/test/resources/conversations_heldout");

    /**
     * github.com/vllm-project/vllm/issues/3494: Mixtral-8x7B in bf16 (46.7B parameters, about 87 GiB of weights) on
     * the user's 80 GB A100s ("one A100 inside 80G"): the weights alone overflow one card, so the smallest setup is
     * two cards with tensor parallelism, said with vLLM's flag before the context length is asked for.
     */
    @Test
    void aModelLargerThanOneCardNamesTheFewestCardsThatHoldIt() {
        var v = CaseFiguresTest.turn(HELD_OUT, "H37-vllm-mixtral-needs-two-a100.txt", 3);
        assertTrue(v.output().contains("the weights of mixtral-8x7b take 43.50 GiB per GPU over 2 GPU(s)"), v.output());
        assertTrue(v.output().contains("--tensor-parallel-size 2"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** Issue 13's own wording: "can I serve Qwen 14B on two 4090s?" with a context: yes, weights split in two. */
    @Test
    void aServingQuestionThatFitsIsAYesWithTheWeightsAndTheCache() {
        Conversation c = new Conversation();
        String out = c.respond("can I serve Qwen2.5-14B on two 4090s with 8k context?").text();
        assertTrue(out.startsWith("Yes:"), out);
        assertTrue(out.contains("over 2 GPU(s)"), out);
        assertTrue(out.contains("KV cache at 8,192 tokens"), out);
    }

    /** Without a context length the cache is unknown: no "yes" is claimed; the weights, then the length asked for. */
    @Test
    void aServingQuestionWithoutAContextStatesTheWeightsAndAsksForTheLength() {
        Conversation c = new Conversation();
        String out = c.respond("can I serve Qwen 14B on two 4090s?").text();
        // the question serves, so the budget is a served one (Regime): the weights per card, then the length asked
        assertTrue(out.startsWith("Fits, as far as the weights go: the weights of 14.0B-parameter model"), out);
        assertTrue(out.contains("max_model_len"), out);
        assertTrue(!out.contains("Yes:"), out);
        org.junit.jupiter.api.Assertions.assertEquals("seq", c.pendingKey());
    }

    /** A fine-tune is not a serving question: the training budget answers it. */
    @Test
    void aTrainingQuestionIsNotAServingOne() {
        var f = Facts.EMPTY.with(b -> { b.gpuMemBytes(24L << 30); b.params(8_000_000_000L); });
        assertNull(ServingFit.of("will Llama 3 8B fit on a 24 GB card for LoRA at 2048?", f));
    }

    /**
     * ionfury/homelab#1355 (conversations_heldout20 P06 #1): qwen2.5 7B q8_0 under Ollama with a 32768-token context
     * on an 8 GB Quadro P4000. Ollama spills layers to system RAM: its knobs (-ngl/num_gpu, num_ctx,
     * OLLAMA_NUM_PARALLEL) answer the "no", not vLLM's tensor parallelism.
     */
    @Test
    void aLayerSplittingRuntimeIsToldItsOwnKnobs() {
        Answer a = FitTurnsOnRealThreadsTest.turn("conversations_heldout20", "P06-homelab-ollama-p4000-context.txt", 1);
        assertTrue(a.text().startsWith("No: about 9.84 GiB per GPU"), a.text());
        assertTrue(a.text().contains("num_ctx") && a.text().contains("OLLAMA_NUM_PARALLEL"), a.text());
        assertFalse(a.text().contains("--tensor-parallel-size"), a.text());
    }
}
