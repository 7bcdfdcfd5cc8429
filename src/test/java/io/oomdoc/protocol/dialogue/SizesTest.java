package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sizes asked in real threads (TGI #2246 on four L4s, openvla-oft #4 on 4090s, DeepSpeed #6757), computed. */
class SizesTest {
    @Test
    void fourBitWeightsSplitOverTheShardsNamed() {
        String s = Sizes.weights("how much does the 70B AWQ take on each L4 with --num-shard 4", Facts.EMPTY);
        assertTrue(s.contains("35 GB"), s);
        assertTrue(s.contains("8.75 GB") && s.contains("4 GPUs"), s);
    }

    @Test
    void withoutShardingEachCardHoldsTheWholeCopy() {
        Facts eight = Facts.builder().worldSize(8).build();
        String s = Sizes.weights("how much is the 7B in bf16 on each 4090", eight);
        assertTrue(s.contains("14 GB"), s);
        assertTrue(!s.contains("each of"), s);
    }

    @Test
    void optimizerStateIsTwelveBytesPerParameter() {
        String s = Sizes.weights("how much cpu ram should the offloaded optimizer take for 3B", Facts.EMPTY);
        assertTrue(s.contains("36 GB"), s);
    }

    @Test
    void noCountNoFigure() {
        assertNull(Sizes.weights("how much does it take", Facts.EMPTY));
    }

    @Test
    void aSizeQuestionIsAnExplanationNotAFit() {
        assertTrue(IntentClassifier.asksSize("how much of each A100 do the 34B weights take"));
        assertEquals(false, IntentClassifier.asksSize("how much memory does the little 1.3b need?"));
    }

    @Test
    void withAdaptersHeldTheOptimizerStateIsTheAdaptersOnly() {
        Facts lora = Facts.builder().model("llama-3.1-8b").params(8_030_000_000L).lora(true).loraRank(16).seqLen(2048)
                .batch(4).build();
        String s = Sizes.weights("does 8-bit Adam help?", lora);
        assertTrue(s.startsWith("Only the adapters train: 41.9M of the model's 8.03B parameters"), s);
        assertTrue(!s.contains("96.4 GB"), s);
    }

    @Test
    void aCountNamedInTheQuestionIsAFullModelsState() {
        Facts lora = Facts.builder().model("llama-3.1-8b").lora(true).loraRank(16).build();
        String s = Sizes.weights("what would 8-bit adam save for a full fine-tune of the 3B?", lora);
        assertTrue(s.contains("36 GB"), s);
    }
}
