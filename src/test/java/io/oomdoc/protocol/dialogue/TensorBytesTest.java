package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tensor whose dimensions and element type the question names, counted: elements times bytes. The turns are
 * from burned held-out sets 16 and 17 (development data since they were scored), each played through the engine.
 */
class TensorBytesTest {
    private static final Path SET16 = Path.of("src/test/resources/conversations_heldout16");
    private static final Path SET17 = Path.of("src/test/resources/conversations_heldout17");

    /** github.com/HazyResearch/hgcn/issues/26: a dense 15000 x 15000 float32 adjacency is 900 MB. */
    @Test
    void aDenseMatrixIsItsElementsTimesTheTypesBytes() {
        var v = turn(SET16, "P39-hgcn-link-prediction-full-adjacency.txt", 3);
        assertTrue(v.output().contains("15,000 × 15,000 = 225M values × 4 B (fp32) = 900 MB (858 MiB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/chho33/LAMOL/issues/2: fp32 logits of batch 8 × 1024 tokens over GPT-2's 50,257 entries. */
    @Test
    void logitsAreBatchTimesTokensTimesVocabulary() {
        var v = turn(SET16, "P44-lamol-fp16-module-back-to-fp32.txt", 3);
        assertTrue(v.output().contains("8 sequences × 1,024 tokens × 50,257 vocabulary entries × 4 bytes = 1.65 GB"
                + " (1.53 GiB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/arcee-ai/DistillKit/issues/4: one 4096-token sequence over Qwen's 151,936-token vocabulary. */
    @Test
    void aVocabularySaidAsTokensIsOneDimension() {
        var v = turn(SET17, "P22-distillkit-logit-distillation-a100-80gb.txt", 2);
        assertTrue(v.output().contains("one sequence × 4,096 tokens × 151,936 vocabulary entries × 4 bytes = 2.49 GB"
                + " (2.32 GiB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/huggingface/transformers-bloom-inference/issues/66: BLOOM's embedding, 250,880 × 14,336 in bf16. */
    @Test
    void anEmbeddingIsVocabularyTimesHiddenSize() {
        var v = turn(SET17, "P40-bloom-int8-inference-oom-after-61-prompts.txt", 4);
        assertTrue(v.output().contains("250,880 × 14,336 = 3.6B values × 2 B (16-bit) = 7.19 GB (6.7 GiB)"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/MarvinLer/tcga_segmentation/issues/3: a bag of 150 patches of 224x224x3 in fp32. */
    @Test
    void aCountOfPatchesMultipliesTheirShape() {
        var v = turn(SET17, "P38-tcga-segmentation-max-bag-size.txt", 3);
        assertTrue(v.output().contains("150 × 224 × 224 × 3 = 22.6M values × 4 B (fp32) = 90.3 MB (86.1 MiB)"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/hkchengrex/Mask-Propagation/issues/8: 1000 frames of 1080p RGB held as one fp32 tensor. */
    @Test
    void aNamedResolutionIsWidthHeightAndChannels() {
        var v = turn(SET17, "P17-mask-propagation-long-video-v100.txt", 4);
        assertTrue(v.output().contains("1,000 × 1,920 × 1,080 × 3 = 6.22B values × 4 B (fp32) = 24.9 GB (23.2 GiB)"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** Without an element type there are no bytes to count; a model's cache or parameters are other rows'. */
    @Test
    void noTypeOrAnotherSubjectGivesNoLine() {
        assertNull(TensorBytes.of(new Calculations.Ask("how big is a 15000 x 15000 adjacency?", "", Facts.EMPTY)));
        assertNull(TensorBytes.of(new Calculations.Ask("how big is the kv cache for 4096 tokens in fp16 with 32 "
                + "layers?", "", Facts.EMPTY)));
    }

    /** The row is reached from the calculations registry. */
    @Test
    void theRegistryComputesIt() {
        String s = Calculations.of("how big is a dense 15000 x 15000 float32 adjacency?", "", Facts.EMPTY);
        assertTrue(s != null && s.contains("900 MB"), s);
    }
}
