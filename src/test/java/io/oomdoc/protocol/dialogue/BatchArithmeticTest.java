package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The batch arithmetic of data parallelism, shown: effective batch = micro-batch × accumulation × GPUs, a batch split
 * over the GPUs, the tokens of several frames and the memory of several cards. Turns played as their conversations
 * go, from readable halves of burned sets (file and turn cited).
 */
class BatchArithmeticTest {
    private static final Path SET17 = Path.of("src/test/resources/conversations_heldout17");
    private static final Path SET21 = Path.of("src/test/resources/conversations_heldout21");
    private static final Path SET25 = Path.of("src/test/resources/conversations_heldout25");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");
    private static final Path SET30 = Path.of("src/test/resources/conversations_heldout30");

    /**
     * heldout30 P27-garbage-classify-batch-10-oom-chinese.txt turn 3: "那每张卡上 B4 的 batch 是多少？" after "B4网络batch是24"
     * on "两张卡": the batch said before, over the two cards (a batch written right after Han characters is read too).
     */
    @Test
    void aBatchSaidBeforeIsSplitOverTheCardsWhenEachCardIsAsked() {
        holdsSaying(SET30, "P27-garbage-classify-batch-10-oom-chinese.txt", 3, "24 over 2 GPUs is 12 per GPU");
    }

    /** heldout25 P09-musecontrollite-a40-batch16.txt turn 3: batch 8 with 16 accumulation steps. */
    @Test
    void theEffectiveBatchIsMicroBatchTimesAccumulation() {
        holdsSaying(SET25, "P09-musecontrollite-a40-batch16.txt", 3, "8 × 16 × 1 = 128");
    }

    /** heldout21 P08-alae-1024-from-scratch.txt turn 2: batches 24 and 32 on 8 GPUs, each split over them. */
    @Test
    void eachBatchSaidIsSplitOverTheGpus() {
        holdsSaying(SET21, "P08-alae-1024-from-scratch.txt", 2, "32 over 8 GPUs is 4 per GPU");
    }

    /** heldout17 P29-tinyclip-global-batch-8-a100.txt turn 1: 1024 per GPU on 32 GPUs, matched on the 8 one has. */
    @Test
    void aGlobalBatchIsCarriedOverToTheCardsOneHas() {
        holdsSaying(SET17, "P29-tinyclip-global-batch-8-a100.txt", 1, "on 8 GPUs that is 4,096 per GPU");
    }

    /** heldout27 P34-stylegan2-ada-1024-batch.txt turn 4: mb=4 kept on 2 GPUs. */
    @Test
    void aWhatIfOfMoreGpusSplitsTheBatch() {
        holdsSaying(SET27, "P34-stylegan2-ada-1024-batch.txt", 4, "4 over 2 GPUs is 2 per GPU");
    }

    /** heldout25 P30-vila-8-frames-4096-tokens.txt turn 2: each frame's tokens divided by the merge, times frames. */
    @Test
    void framesTimesTheMergedTokensOfEachAreTheSequence() {
        holdsSaying(SET25, "P30-vila-8-frames-4096-tokens.txt", 2, "= 182.25 per image × 8 frames = 1458");
    }

    /** heldout25 P38-motionfollower-4090-inference.txt turn 4: 8 V100 32G is 256 GB, held card by card. */
    @Test
    void cardsTimesTheirMemoryIsATotalThatDoesNotPool() {
        holdsSaying(SET25, "P38-motionfollower-4090-inference.txt", 4, "8 cards × 32 GB = 256 GB in all");
    }

    /** conversations_heldout2/K39-yolov5l-rtx3070-batch16.txt turn 4: a batch change on one card is not split. */
    @Test
    void aBatchOnOneCardAsksNoSplit() {
        String q = "what if batch 8";
        assertNull(BatchArithmetic.of(new Calculations.Ask(q, q, Facts.EMPTY)));
    }

    /**
     * heldout17 P24-atspeed-draft-distillation-teacher-loaded.txt turn 2 (github.com/Linxyhaha/AtSpeed/issues/3):
     * "how much does that free on each card?" after batch 1 on four A5000s asks about memory, not a batch share.
     */
    @Test
    void memoryFreedOnEachCardIsNoShareOfTheBatch() {
        var v = turn(SET17, "P24-atspeed-draft-distillation-teacher-loaded.txt", 2);
        assertFalse(v.output().contains("over 4 GPUs is"), v.output());
    }

    /** A batch smaller than the cards is each card's already: batch 1 is not split into quarters over four GPUs. */
    @Test
    void aBatchSmallerThanTheCardsIsNotSplit() {
        String earlier = "even with batch size 1 it runs out of memory on 4 GPUs";
        String q = "so how many per GPU?";
        assertNull(BatchArithmetic.of(new Calculations.Ask(q, q + "\n" + earlier, Facts.EMPTY)));
    }
}
