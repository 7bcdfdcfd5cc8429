package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fit question about a model that is run opens with the verdict on its weights (fits, tight, does not fit) and the
 * figure, then the cheapest change that makes it fit, sized by the budget engine: a smaller weight format before more
 * cards, and over several cards whether one alone would do.
 */
class WeightsOnCardTest {
    private static final Path SET13 = Path.of("src/test/resources/conversations_heldout13");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET30 = Path.of("src/test/resources/conversations_heldout30");

    /**
     * discuss.huggingface.co/t/how-to-load-t0pp-into-40gb-of-gpu-memory-using-mixed-precisoin/11998 (set 13 N06 #1):
     * T0pp's 11B in fp32 (41 GiB) does not fit a 40 GB A100 for inference; the same weights in 16-bit do.
     */
    @Test
    void anFp32ModelOverTheCardIsToldTheSixteenBitLoadThatFits() {
        var v = turn(SET13, "N06-hf-forum-t0pp-11b-into-40gb-a100.txt", 1);
        assertTrue(v.output().startsWith("No:"), v.output());
        assertTrue(v.output().contains("Cheapest change that makes it fit: load the weights in 16-bit"), v.output());
        assertTrue(v.output().contains("torch_dtype=torch.float16"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/tablegpt/tablegpt-agent/issues/69 (set 15 P01 #3): the bf16 7B leaves under 3 GiB of a 16 GB card
     * for long table prompts: tight, and 8-bit weights are the cheapest change that leaves room.
     */
    @Test
    void weightsThatLeaveLessThanAFifthAreTightAndGetTheNextSmallerFormat() {
        var v = turn(SET15, "P01-tablegpt2-7b-inference-vram-fp16.txt", 3);
        assertTrue(v.output().startsWith("Tight: the weights of"), v.output());
        assertTrue(v.output().contains("load the weights in 8-bit"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/NVIDIA/workbench-example-local-rag/issues/5 (set 30 P10 #1): Llama 7B chat on two 4090s is split by
     * device_map, and one 24 GB card alone holds its 16-bit weights.
     */
    @Test
    void overTwoCardsTheSplitIsSaidAndWhetherOneCardIsEnough() {
        var v = turn(SET30, "P10-local-rag-llama-7b-two-4090s.txt", 1);
        assertTrue(v.output().startsWith("Fits, as far as the weights go"), v.output());
        assertTrue(v.output().contains("device_map=\"auto\""), v.output());
        assertTrue(v.output().contains("a single card is enough"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * tokenburner.dev/insights/llama-70b-vram-requirements quotes the question "Can I run this on my RTX 4090?" about
     * Llama 3 70B and answers: not on one 24 GB card; in 4-bit (about 35 GB of weights) on two 24 GB cards. The answer
     * is that run model's weights, not 20 bytes a parameter of training state, and two cards in 4-bit come before
     * eight in 16-bit.
     */
    @Test
    void aSeventyBillionModelOnOneConsumerCardIsToldTwoCardsInFourBit() {
        String out = new Conversation().respond("Can I run Llama 3 70B on my RTX 4090?").text();
        assertTrue(out.startsWith("Does not fit: the weights of llama-3-70b"), out);
        assertTrue(out.contains("2 such cards with the weights in 4-bit"), out);
        assertTrue(out.contains("as held they need 8 cards"), out);
        assertTrue(out.contains("That is tight"), out);
    }

    /**
     * QwenLM/Qwen3-VL#894 (how large a card a 72B model in 4-bit needs): a reply measured its AWQ 72B at 40.21 GB. So
     * one 48 GB card holds the 4-bit weights, tightly, where the 16-bit ones need four.
     */
    @Test
    void aSeventyTwoBillionModelOnOneFortyEightGigabyteCardIsToldFourBitOnThatCard() {
        String out = new Conversation().respond("Can I run Qwen2.5-72B on a 48GB A6000?").text();
        assertTrue(out.contains("Cheapest change that makes it fit: load the weights in 4-bit"), out);
        assertTrue(out.contains("That is tight"), out);
    }
}
