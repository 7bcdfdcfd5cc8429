package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weights' size, and its inverse, asked in Chinese get the same arithmetic as in English (issue 13). */
class ChineseWeightsQuestionsTest {
    private static final Path SET_29 = Path.of("src/test/resources/conversations_heldout29");
    private static final Path SET_30 = Path.of("src/test/resources/conversations_heldout30");

    /** conversations_heldout30 P28 (FinetuneGLM on a 15 GB Colab card): "6B 在 fp16 下权重是多少？". */
    @Test
    void theWeightsOfACountAtAPrecisionAreComputed() {
        var v = CaseFiguresTest.turn(SET_30, "P28-finetuneglm-colab-15g-int4-chinese.txt", 2);
        assertTrue(v.output().contains("6B parameters × 2 bytes (16-bit) = 12 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** conversations_heldout29 P09 (ImageCritic): "如果是 FLUX 那种 12B 的 transformer，bf16 权重多大？". */
    @Test
    void aConditionalWeightsQuestionIsComputedToo() {
        var v = CaseFiguresTest.turn(SET_29, "P09-imagecritic-inference-40g-chinese.txt", 3);
        assertTrue(v.output().contains("12B parameters × 2 bytes (16-bit) = 24 GB"), v.output());
    }

    /** conversations_heldout30 P03 (CPM-2 on a V100): "20GB 的 fp16 权重大约对应多少参数？" is bytes over 2. */
    @Test
    void theParametersOfAWeightSizeAreItsBytesOverBytesPerParameter() {
        var v = CaseFiguresTest.turn(SET_30, "P03-cpm2-v100-32g-inference-chinese.txt", 2);
        assertTrue(v.output().contains("is about 10B parameters"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
