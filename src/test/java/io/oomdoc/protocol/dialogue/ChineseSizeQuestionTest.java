package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/** A question that names a parameter count and a format gets the weights' size, in Chinese as in English. */
class ChineseSizeQuestionTest {
    private static final Path SET33 = Path.of("src/test/resources/conversations_heldout33");

    /** github.com/Neutralzz/BiLLa/issues/37: "7B 模型 fp16 ... 14G 显存，这是怎么算出来的？" ends with "？". */
    @Test
    void theFullWidthQuestionMarkAsksTheWeightsSize() {
        holdsSaying(SET33, "P05-billa-7b-full-finetune-on-16gb-v100s-chinese.txt", 2,
                "7B parameters × 2 bytes (16-bit) = 14 GB");
    }
}
