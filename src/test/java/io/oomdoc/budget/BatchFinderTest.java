package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The micro-batch finder (knowledge M5): the largest micro-batch that fits, accumulated to the requested effective
 * batch. Models from the catalog (catalog/models.csv, with their sources); cards at their marketed sizes.
 */
class BatchFinderTest {
    private final BudgetEngine engine = new BudgetEngine();
    private static final long CARD_24 = 24L * Bytes.GIB;

    private static Setup train(String model, int seq, int batch, int gpus) {
        return Setup.builder(ModelCatalog.find(model).orElseThrow()).seq(seq).batch(batch).gpus(gpus)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
    }

    private boolean fitsAccumulating(Setup s, int micro) {
        long usable = BatchFinder.usableBytes(CARD_24);
        return engine.estimate(s.withGradientsKept(true).withBatch(micro), usable).perGpuBytes().total() <= usable;
    }

    @Test
    void theDriverKeepsOnePointFivePercentOfTheCardAndAtLeast256MiB() {
        assertEquals(80L * Bytes.GIB - Math.round(80L * Bytes.GIB * 0.015), BatchFinder.usableBytes(80L * Bytes.GIB));
        // 1.5% of 8 GiB is 123 MiB, less than the floor
        assertEquals(8L * Bytes.GIB - 256L * Bytes.MIB, BatchFinder.usableBytes(8L * Bytes.GIB));
    }

    @Test
    void anEffectiveBatchThatSplitsOverTheGpusIsKeptExactlyWithoutANote() {
        BatchFinder.Result r = new BatchFinder().find(train("gpt2-medium", 1024, 48, 2), CARD_24, 48);
        assertTrue(r.exact());
        assertEquals(List.of(), r.notes());
        assertEquals(48, r.effectiveBatch());
        assertEquals(24, r.microBatch() * r.accumulationSteps(), "24 per GPU");
    }

    @Test
    void theMicroBatchIsTheLargestDivisorOfThePerGpuBatchThatFits() {
        Setup s = train("gpt2-medium", 1024, 48, 1);
        BatchFinder.Result r = new BatchFinder().find(s, CARD_24, 48);
        assertTrue(r.accumulationSteps() > 1, "48 sequences of 1,024 tokens do not fit a 24 GB card at once");
        assertEquals(0, 48 % r.microBatch());
        assertTrue(fitsAccumulating(s, r.microBatch()));
        for (int d = r.microBatch() + 1; d <= 48; d++) {
            if (48 % d == 0) assertFalse(fitsAccumulating(s, d), "divisor " + d + " fits too");
        }
    }

    @Test
    void anUnevenSplitTakesTheLargestDivisorOfTheRoundedUpShare() {
        // 50 over 4 GPUs: 13 each (52 in all); 13 is prime, so the micro-batch is 13 or 1
        Setup s = train("gpt2", 512, 50, 4);
        BatchFinder.Result r = new BatchFinder().find(s, CARD_24, 50);
        assertFalse(r.exact());
        assertEquals(13, r.microBatch(), "gpt2 (124M) holds 13 sequences of 512 tokens on 24 GB");
        assertEquals(1, r.accumulationSteps());
        assertEquals(52, r.effectiveBatch());
        assertEquals(List.of("effective batch 50 does not divide over 4 GPUs; 52 is the nearest above"), r.notes());
    }

    @Test
    void withoutAccumulationTheGradientsAreFreedAsUsualAndWithItTheyAreHeld() {
        Setup small = train("gpt2", 512, 8, 1);
        BatchFinder.Result whole = new BatchFinder().find(small, CARD_24, 8);
        assertEquals(1, whole.accumulationSteps());
        assertEquals(engine.estimate(small.withBatch(8), CARD_24).perGpuBytes(), whole.budget().perGpuBytes());

        Setup big = train("gpt2-medium", 1024, 48, 1);
        BatchFinder.Result split = new BatchFinder().find(big, CARD_24, 48);
        assertEquals(engine.estimate(big.withBatch(split.microBatch()).withGradientsKept(true), CARD_24)
                .perGpuBytes(), split.budget().perGpuBytes());
        assertFalse(BatchFinder.atMicro(big, 4, 1).gradientsKept());
        assertTrue(BatchFinder.atMicro(big, 4, 2).gradientsKept());
    }

    @Test
    void whenNotEvenOneSampleFitsTheAnswerSaysSo() {
        // a full fine-tune of a 70B model needs about a terabyte of model states
        BatchFinder.Result r = new BatchFinder().find(train("llama-3.1-70b", 4096, 8, 1), CARD_24, 8);
        assertEquals(0, r.microBatch());
        assertEquals(0, r.accumulationSteps());
        assertFalse(r.exact());
        assertEquals(List.of("not even a micro-batch of 1 fits"), r.notes());
        assertFalse(r.budget().fits());
    }

    @Test
    void aBatchThatFitsWholeIsNotSplit() {
        BatchFinder.Result r = new BatchFinder().find(train("gpt2", 512, 4, 1), CARD_24, 0);
        assertEquals(4, r.microBatch(), "no effective batch given: the setup's own batch");
        assertEquals(1, r.accumulationSteps());
        assertEquals(4, r.effectiveBatch());
    }

    @Test
    void withNoEffectiveBatchTheLargestMicroBatchThatFitsAsRunIsTheAnswer() {
        // "what batch fits Llama 3 8B with QLoRA on a 24 GB card at 2,048 tokens?": no batch to keep, so not 1
        // (checkpointing on, as PEFT's k-bit preparation turns it on)
        Setup s = Setup.builder(ModelCatalog.find("llama-3-8b").orElseThrow()).seq(2048).loraRank(16)
                .quant(Setup.Quant.NF4).checkpointing(Setup.Checkpointing.FULL)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        BatchFinder.Result r = new BatchFinder().largest(s, CARD_24);
        assertTrue(r.microBatch() > 1, "a 4-bit 8B base leaves room for more than one sequence");
        assertEquals(1, r.accumulationSteps());
        assertEquals(r.microBatch(), r.effectiveBatch());
        long usable = BatchFinder.usableBytes(CARD_24);
        assertTrue(engine.estimate(s.withBatch(r.microBatch()), usable).perGpuBytes().total() <= usable);
        assertTrue(engine.estimate(s.withBatch(r.microBatch() + 1), usable).perGpuBytes().total() > usable,
                "one more sequence fits too");
    }
}
