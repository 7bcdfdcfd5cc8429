package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * "How far short is my card?": explain turns of the burned held-out sets (development data since) whose answer lacked
 * the gap between a need and a card, each played through the engine as its conversation goes (MemoryGap).
 */
class MemoryGapTest {
    private static final Path SET3 = Path.of("src/test/resources/conversations_heldout3");
    private static final Path SET5 = Path.of("src/test/resources/conversations_heldout5");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");
    private static final Path SET32 = Path.of("src/test/resources/conversations_heldout32");
    private static final Path SET33 = Path.of("src/test/resources/conversations_heldout33");

    /** github.com/baaivision/Emu/issues/7: "Inference costs ~30GB", then "how short is my 3090 then?". */
    @Test
    void theNeedQuotedBeforeIsSetAgainstTheCardTheTurnNames() {
        holdsSaying(SET32, "P05-emu-30gb-inference-and-a-3090.txt", 2, "30 GiB against 24 GiB: short by 6 GiB");
    }

    /** github.com/open-mmlab/Amphion/issues/151: "mine is the 8 GB 4060 Ti. how far short of 24 is that?". */
    @Test
    void aBareNumberAfterShortOfIsTheNeed() {
        holdsSaying(SET32, "P31-amphion-tta-training-on-a-4060-ti.txt", 3, "short by 16 GiB");
    }

    /** github.com/Yuliang-Liu/Monkey/issues/24: "72.33GB 比我的 40G 多出多少？", DeepSpeed's estimate against the card. */
    @Test
    void twoSizesInTheTurnAreSetAgainstEachOther() {
        holdsSaying(SET33, "P02-monkey-full-finetune-on-four-40gb-a100s-chinese.txt", 2, "short by 32.3 GiB");
    }

    /** github.com/ai-forever/KandinskyVideo/issues/5: "at least 55-60G VRAM" on a 24 GB 4090. */
    @Test
    void aRangeNeededIsShortByARange() {
        holdsSaying(SET33, "P01-kandinsky-video-512-on-a-4090.txt", 2, "short by 31-36 GiB");
    }

    /** github.com/tencent-ailab/V-Express/issues/17: "requires 9873M GPU memory", on a 10 GB card. */
    @Test
    void headroomUnderATenthOfTheCardIsTight() {
        holdsSaying(SET33, "P26-v-express-on-a-10gb-3080.txt", 2, "leaves only 367 MiB (4% of the card), tight");
    }

    /** github.com/philipperemy/yolo-9000/issues/9: a 6 GB card with 562MB taken by the desktop. */
    @Test
    void whatIsLeftIsTheCardMinusWhatIsTaken() {
        holdsSaying(SET27, "P15-yolo9000-6gb-desktop.txt", 3, "6 GiB minus 562 MiB leaves 5.45 GiB");
    }

    /** github.com/pytorch/xla/issues/2569: XLA's "Attempting to allocate 180.59M ... There are 142.58M free". */
    @Test
    void aFailureQuotedBeforeGivesTheRequestAgainstTheFreeMemory() {
        holdsSaying(SET5, "F23-pytorch-xla-fairseq-v2-32-hbm-180mb.txt", 2, "short by 38 MiB for this one allocation");
    }

    /** github.com/CompVis/stable-diffusion/issues/86: "1.39 free and it wants 1.50, its only a bit short?". */
    @Test
    void onlyABitShortIsAskedAsTheShortfall() {
        holdsSaying(SET3, "L15-compvis-sd-1080ti-half.txt", 2, "short by 113 MiB");
    }

    /** "how much more activation memory does 640 take?" (h33 P22, PyramidBox) asks a ratio, not a gap. */
    @Test
    void howMuchMoreIsNoGap() {
        assertNull(MemoryGap.of(new Calculations.Ask("the code uses 640x640 images but the paper says 600x600. how much"
                + " more activation memory does 640 take?", "", Facts.EMPTY)));
    }

    @Test
    void aGapWithNothingToSetTheSizeAgainstComputesNothing() {
        assertNull(MemoryGap.of(new Calculations.Ask("it needs 12 GB. how far short is that?", "", Facts.EMPTY)));
    }
}
