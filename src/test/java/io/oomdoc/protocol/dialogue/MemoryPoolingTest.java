package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A capacity question over several cards is answered by how memory spreads over them: it does not pool, a data
 * parallel run keeps a full replica on each card, and only a split spreads one model (burned sets 18 and 19).
 */
class MemoryPoolingTest {
    private static final Path SET_18 = Path.of("src/test/resources/conversations_heldout18");

    /** github.com/lewandofskee/DiAD/issues/20 (P04 #2): "so three 3090s should be more than one V100, no?". */
    @Test
    void threeCardsAreNotOneBigCard() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout19"),
                "P04-diad-3090-precision-32.txt", 2);
        assertTrue(v.output().contains("not pooled into one: each card holds only what is placed on it"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** reddit r/ollama thread 1kwiff1 (P13 #5): "and if I had a second GPU in the box?". */
    @Test
    void aSecondCardHelpsOnlyWithASplit() {
        var v = CaseFiguresTest.turn(SET_18, "P13-reddit-ollama-qwen3-4b-partial-offload.txt", 5);
        assertTrue(v.output().contains("split across them"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/alibaba/VideoMV/issues/2 (P06 #1): "40GB of VRAM is needed for inference. I only have two RTX 3090
     * GPUs. can I run it?": the need against one 3090, not against the 40GB quoted, and why two do not add up.
     */
    @Test
    void aQuotedNeedOverSeveralCardsIsSetAgainstOneCard() {
        var v = CaseFiguresTest.turn(SET_18, "P06-videomv-two-3090s-40gb.txt", 1);
        assertTrue(v.output().contains("40 GiB needed, more than the card (24 GiB): short by 16 GiB"),
                v.output());
        assertTrue(v.output().contains("not pooled"), v.output());
    }

    /**
     * github.com/kongzhecn/OMG/issues/6 (heldout15 P41 #1): "can OMG also use the two cards as 48 GB?": the
     * 48 GB is the two cards' sum asked about, not a need set against one 24 GB card.
     */
    @Test
    void twoCardsAsTheirSumAreAskedAboutNotNeeded() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout15"),
                "P41-omg-multi-concept-sdxl-two-24gb-gpus-split.txt", 1);
        assertTrue(v.output().startsWith("Memory on several cards is not pooled into one"), v.output());
        assertTrue(!v.output().contains("48 GiB needed"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
