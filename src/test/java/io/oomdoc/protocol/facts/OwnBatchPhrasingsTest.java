package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The user's own batch said in the other ways people say it: the most their job takes after a clause about it
 * ("the largest batch size I can set is 32"), "equal to", "can only set as", a training batch under a config path;
 * an expression ("128//devices") gives no value, and a batch asked about stays a what-if. The turns are real users'
 * own, from the burned conversation sets (fixture, turn and thread named on each test).
 */
class OwnBatchPhrasingsTest {
    private static Integer batch(String turn) { return FactReader.read(turn).asserted().batch(); }

    // conversations_heldout40/P07-byol-resnet50-batch-32-on-a-2080-ti.txt #1 (lucidrains/byol-pytorch#26)
    @Test
    void theLargestBatchTheUserCanSetIsTheirBatch() {
        assertEquals(32, batch("running byol-pytorch on a 2080 Ti with 10G memory, the largest batch size I can set "
                + "is 32 before it runs out of memory. the encoder is ResNet-50."));
    }

    // conversations_heldout10/K17-yolov5-1024-images-11gb-batch-16-cache.txt #1 (ultralytics/yolov5#3831)
    @Test
    void theBiggestBatchThatFitsTheCardIsTheirBatch() {
        assertEquals(16, batch("I train with img_size=[1024, 1024] and the biggest batch that fits my 11GB GPU is 16. "
                + "I already set --cache."));
    }

    // conversations_heldout33/P27-segnext-batch-1-on-a-2080-ti.txt #1 (uncbiag/SegNext#2)
    @Test
    void aBatchSetEqualToAValueIsThatValue() {
        assertEquals(1, batch("I used RTX 2080ti to train the model and set batch_size equal to 1, but it is still "
                + "out of memory."));
    }

    // conversations_heldout31/P33-long-term-feature-banks-on-four-2080-tis.txt #1
    // (facebookresearch/video-long-term-feature-banks#27)
    @Test
    void aBatchThatCanOnlyBeSetAsAValueIsThatValue() {
        assertEquals(4, batch("The machine I trained with only have 4 2080Ti with 11GB memory per GPU. And the "
                + "BATCH_SIZE can only set as 4 and it use 6000MB while only training."));
    }

    // conversations_heldout34/P30-flow-grpo-batch-12-on-eight-h100s.txt #1 (yifan123/flow_grpo#6)
    @Test
    void aTrainingBatchUnderAConfigPathIsTheBatch() {
        assertEquals(12, batch("I was getting some OOM on a P5 (8 x H100) node with the default config at "
                + "resolution 512 and config.sample.train_batch_size = 12."));
    }

    // conversations_heldout11/L10-lit-llama-7b-full-finetune-a100-fsdp-cpu-offload.txt #1 (Lightning-AI/lit-llama#381)
    @Test
    void aBatchGivenAsAnExpressionIsNotItsNumerator() {
        assertEquals(4, batch("I'm fully fine-tuning LLaMA 7B on Alpaca with finetune/full.py on 8 A100s. devices=4, "
                + "batch_size=128//devices, micro_batch_size=4."));
    }

    // conversations_heldout2/K39-yolov5l-rtx3070-batch16.txt #4 (ultralytics/yolov5#2510)
    @Test
    void aBatchAskedAboutStaysAWhatIf() {
        var read = FactReader.read("what if batch 8");
        assertNull(read.asserted().batch());
        assertEquals(8, read.hypothetical().batch());
    }
}
