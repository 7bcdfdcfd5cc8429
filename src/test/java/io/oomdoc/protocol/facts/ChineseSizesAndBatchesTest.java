package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The card's memory and the batch as Chinese reports say them: a size followed by 显存 (the card's memory) or by what
 * fell short (不够, "not enough"), a batch setting joined to its value by 在/为/开到, and a value before "batch size".
 * Real users' turns of the burned conversation sets 26 and 27 (the fixture and its thread named on each test).
 */
class ChineseSizesAndBatchesTest {
    private static Facts stated(String turn) { return FactReader.read(turn).asserted(); }

    // conversations_heldout27/P33-gts-bert-batch32-11g.txt #1 (NJUNLP/GTS#7)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aSizeThatFellShortIsTheCards() {
        assertEquals(11L << 30, stated("请问一下跑bert模型，设置batch size 32大概需要多少显存，我这里11G不够跑")
                .gpuMemBytes());
    }

    // conversations_heldout26/P16-glm4-voice-int4-2080ti.txt #1 (zai-org/GLM-4-Voice#25)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aLowerCaseGigabyteBeforeNotEnoughIsTheCards() {
        assertEquals(24L << 30, stated("最少需要多少显存呢？反正24g不够").gpuMemBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void theCardsMemoryNamedBeforeItsSize() {
        assertEquals(8L << 30, stated("我的显存只有 8G").gpuMemBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void hostMemoryStaysHostMemory() {
        assertEquals(null, stated("我内存32 G").gpuMemBytes());
    }

    // conversations_heldout26/P24-ilrg-resnet50-batch4096.txt #1 (mankasto/iLRG#1)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBatchSettingJoinedByZaiIsTheBatch() {
        assertEquals(512, stated("我这边batchSize在512的时候显存占用达到了40G（单卡A800-80G）").batch());
    }

    // conversations_heldout26/P20-yolov6-batch32-card.txt #1 (meituan/YOLOv6#240)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aValueBeforeBatchSizeIsTheBatch() {
        assertEquals(32, stated("训练时单张卡使用32 batch size感觉很大，请问训练使用的GPU型号是什么呢？").batch());
    }

    // conversations_heldout29/P24-ugtr-12g-batch-one-chinese.txt #1 (fanyang587/UGTR#2)
    @Test
    void theCodesDefaultBatchIsNotTheRunsAndOneBatchSizeIsOne() {
        assertEquals(1, stated("发现代码里默认的batch_size是20，但是由于我的显卡内存才是1G，只能支持1个batch_size").batch());
    }
}
