package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * "What makes contrastive pretraining so heavy?": the method sets the memory (two or more views per image, a
 * momentum encoder, a queue), not the backbone (glossary term "self-supervised two-view pretraining").
 */
class SelfSupervisedMemoryTest {
    private static final Path SET40 = Path.of("src/test/resources/conversations_heldout40");

    /** github.com/shuuchen/DetCo.pytorch/issues/7: "what makes this kind of contrastive pretraining so heavy?". */
    @Test
    void contrastivePretrainingIsHeavyForItsViewsAndEncoders() {
        holdsSaying(SET40, "P12-detco-on-four-8gb-1070-tis.txt", 2, "once per augmented view");
    }

    /** github.com/lucidrains/byol-pytorch/issues/26: "why does BYOL need more memory than plain ResNet-50?". */
    @Test
    void byolNeedsMoreThanItsBackboneAlone() {
        holdsSaying(SET40, "P07-byol-resnet50-batch-32-on-a-2080-ti.txt", 2, "momentum (target) encoder");
    }
}
