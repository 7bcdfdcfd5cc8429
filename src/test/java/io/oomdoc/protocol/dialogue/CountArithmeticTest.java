package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Explain turns of the burned held-out sets (development data since) that ask a count: a share of samples over cards
 * or their total (CountShare), and a count per thing times the things (ItemsProduct); each played through the engine
 * as its conversation goes.
 */
class CountArithmeticTest {
    private static final Path SET6 = Path.of("src/test/resources/conversations_heldout6");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");
    private static final Path SET31 = Path.of("src/test/resources/conversations_heldout31");
    private static final Path SET33 = Path.of("src/test/resources/conversations_heldout33");
    private static final Path SET34 = Path.of("src/test/resources/conversations_heldout34");

    /** github.com/liuwei16/CSP/issues/56: "16 images over 4 cards is how many per card?". */
    @Test
    void imagesOverCardsAreAShareOfEachCard() {
        holdsSaying(SET33, "P20-csp-pedestrian-batch-2-on-a-2080-ti.txt", 3, "16 over 4 GPUs is 4 per GPU");
    }

    /** github.com/fyu/drn/issues/22: "16 crops over 8 GPUs is 2 per GPU?", the user's own share checked. */
    @Test
    void aShareTheUserProposesIsComputedFromTheCount() {
        holdsSaying(SET31, "P39-drn-crops-on-a-1080-ti.txt", 2, "16 over 8 GPUs is 2 per GPU");
    }

    /** github.com/farewellthree/STAN/issues/3: 1536 images said before, "trained on 16 A100s ... per GPU?". */
    @Test
    void theCountSaidBeforeIsSharedOverTheCardsNamedNow() {
        holdsSaying(SET33, "P08-stan-clip-video-1536-frames-per-forward.txt", 2, "1536 over 16 GPUs is 96 per GPU");
    }

    /** github.com/wangwen-whu/WTW-Dataset/issues/13: "32 per GPU over 8 GPUs would be a total of what?". */
    @Test
    void aShareTimesTheCardsIsTheTotal() {
        holdsSaying(SET33, "P21-wtw-table-detection-batch-32-per-gpu.txt", 2, "32 per GPU on 8 GPUs is 256 in all");
    }

    /** The same thread: "and if 32 were the total across the 8 GPUs, how many per GPU is that?". */
    @Test
    void aTotalSaidWithNoNounIsSharedToo() {
        holdsSaying(SET33, "P21-wtw-table-detection-batch-32-per-gpu.txt", 3, "32 over 8 GPUs is 4 per GPU");
    }

    /** A count of gigabytes is no count of samples: "16 GB over 4 cards, how much per card?" is not shared here. */
    @Test
    void memoryIsNotACountOfSamples() {
        String q = "16 GB over 4 cards is how many per card?";
        assertNull(CountShare.of(new Calculations.Ask(q, q, Facts.EMPTY)));
    }

    /** github.com/yjxiong/temporal-segment-networks/issues/212: "3 segments per video. with batch 128". */
    @Test
    void aCountPerThingTimesTheBatchIsWhatOneStepCarries() {
        holdsSaying(SET33, "P24-tsn-batch-128-on-one-1080-ti.txt", 2, "3 segments × a batch of 128 = 384 frames");
    }

    /** github.com/Liuziyu77/MMDU/issues/1: "each image becomes 576 visual tokens ... how many tokens do 20 images". */
    @Test
    void tokensPerImageTimesTheImages() {
        holdsSaying(SET34, "P16-mmdu-long-multi-image-finetune-on-an-80g-a100.txt", 5,
                "576 visual tokens × 20 images = 11,520 tokens");
    }

    /** github.com/huggingface/transfer-learning-conv-ai/issues/14: "3 candidates of 150 tokens each". */
    @Test
    void tokensEachTimesTheCandidates() {
        holdsSaying(SET34, "P25-gpt2-medium-with-checkpointing-still-ooms.txt", 3, "150 tokens × 3 candidates = 450");
    }

    /** github.com/jind11/MMM-MCQA/issues/1: "four choices of 512 tokens. how many tokens is a batch of 8?". */
    @Test
    void everyCountOfThingsMultipliesAndAGigabyteDoesNot() {
        holdsSaying(SET27, "P31-bert-race-four-choices-colab.txt", 2,
                "512 tokens × 4 choices × a batch of 8 = 16,384");
    }

    /** github.com/yixinL7/BRIO/issues/4: num_beams=128 said first, "my batch is 4 articles, how many hypotheses". */
    @Test
    void theBeamsSaidBeforeMultiplyTheBatch() {
        holdsSaying(SET6, "G26-brio-gen-candidate-128-beams-3090.txt", 3,
                "128 num_beams × 4 articles = 512 hypotheses");
    }

    /** "how many tokens fit?" with no count per thing said computes nothing. */
    @Test
    void noRateNoProduct() {
        String q = "with 20 images, how many tokens fit?";
        assertNull(ItemsProduct.of(new Calculations.Ask(q, q, Facts.EMPTY)));
    }
}
