package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "How much memory is that in total?": explain turns of the burned held-out sets (development data since) whose
 * answer lacked cards × memory per card, each played through the engine as its conversation goes (CardsTotal).
 */
class CardsTotalTest {
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET32 = Path.of("src/test/resources/conversations_heldout32");
    private static final Path SET33 = Path.of("src/test/resources/conversations_heldout33");

    /** github.com/aigc3d/LHM/issues/5: "fewer than 8 A100 80GB": the total opens, before the one card's memory. */
    @Test
    void theTotalOpensTheAnswerBeforeOneCardsMemory() {
        var v = turn(SET32, "P04-lhm-1b-inference-on-a-3090.txt", 5);
        assertTrue(v.output().startsWith("8 cards × 80 GB = 640 GB in all."), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/batmanlab/Mammo-CLIP/issues/27: "4 RTX6000 GPUs with 48GB VRAM each. how much is that together?". */
    @Test
    void cardsWithTheirMemoryAddUpTogether() {
        holdsSaying(SET33, "P09-mammo-clip-batch-4-and-48gb-cards.txt", 3, "4 cards × 48 GB = 192 GB in all");
    }

    /** github.com/PolyU-ChenLab/UniPixel/issues/7: "how much total memory is 8 x 48 against 4 x 80?". */
    @Test
    void twoSetupsGetOneTotalEach() {
        holdsSaying(SET32, "P37-unipixel-7b-training-hardware.txt", 2, "8 cards × 48 GB = 384 GB in all.\n"
                + "4 cards × 80 GB = 320 GB in all.");
    }

    /** github.com/vllm-project/vllm/issues/5993: "17.98 GB of weights on each of the four cards". */
    @Test
    void aSizeOnEachOfTheCardsIsTheWholeTimesTheCards() {
        holdsSaying(SET8, "I02-vllm-qwen2-gptq-int8-four-gpus-max-model-len.txt", 4,
                "4 cards × 17.98 GB = 71.92 GB in all");
    }
}
