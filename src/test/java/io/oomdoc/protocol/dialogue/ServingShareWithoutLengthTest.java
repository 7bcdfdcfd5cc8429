package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if about a model served by vLLM or SGLang, with no context length held, is answered from the serving setup:
 * the share of the card the engine takes, the weights per GPU in it and the KV-cache pool left (ServingPool), not by a
 * training budget that asks for a sequence length and offers checkpointing.
 */
class ServingShareWithoutLengthTest {
    /**
     * github.com/sgl-project/sglang/issues/322 (set 2, #4): "what if it is a 24 GB card at 0.9, how much KV pool is
     * left after the 7B weights": 0.9 of the card (21.28 GiB) less Mistral 7B's 13.49 GiB leaves about 7.2 GiB.
     */
    @Test
    void aShareOfANewCardLeavesTheKvPool() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout2"),
                "K05-sglang-mistral7b-increase-or-decrease.txt", 4);
        assertTrue(v.output().contains("21.28 GiB") && v.output().contains("KV cache 7.18 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/vllm-project/recipes/pull/971 (set 22, #4): "and on one 3090 alone?" after a 27B AWQ served at
     * tensor parallel 2: the weights per GPU double (7.07 -> 14.14 GiB) and the cache shrinks; no training rung.
     */
    @Test
    void oneCardInsteadOfTwoDoublesTheWeightsPerGpu() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout22"),
                "P19-vllm-recipes-qwen-27b-awq-two-3090s.txt", 4);
        assertTrue(v.output().contains("7.07 GiB → 14.14 GiB") && v.output().contains("KV cache"), v.output());
        assertFalse(v.output().contains("checkpointing"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/bentoml/OpenLLM/issues/275 (set 15, #4): "what if I set it to 0.5 on a 40 GB A100" after talk of
     * gpu_memory_utilization: the bare 0.5 is the share, compared with the default 0.9 held.
     */
    @Test
    void aBareFractionIsTheEnginesShare() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout15"),
                "P09-openllm-llama2-7b-vllm-backend-70gb-a100.txt", 4);
        assertTrue(v.output().contains("gpu_memory_utilization 0.90 → 0.50"), v.output());
    }

    /** A fraction with a unit is a size or a ratio, not a share: "at 0.5 GB" says nothing of the engine's share. */
    @Test
    void aFractionWithAUnitIsNoShare() {
        assertEquals(0.5, ServingPool.shareSaid("what if I set it to 0.5 on a 40 GB A100 with the same model?"));
        assertEquals(null, ServingPool.shareSaid("what if I drop it to 0.5 GB?"));
    }
}
