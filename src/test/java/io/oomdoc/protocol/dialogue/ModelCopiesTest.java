package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Explain turns of the burned held-out sets (development data since) that ask what weights come to, where the size is
 * a count of whole models, a count said beside a model's name, another size after a weights question, or a module the
 * catalog counts; each played through the engine as its conversation goes.
 */
class ModelCopiesTest {
    private static final Path SET3 = Path.of("src/test/resources/conversations_heldout3");
    private static final Path SET28 = Path.of("src/test/resources/conversations_heldout28");
    private static final Path SET31 = Path.of("src/test/resources/conversations_heldout31");
    private static final Path SET33 = Path.of("src/test/resources/conversations_heldout33");
    private static final Path SET34 = Path.of("src/test/resources/conversations_heldout34");

    /** github.com/Jiaqi-Chen-00/ImBD/issues/1: a scoring model and a reference model, "two 2.7B models ... fp32". */
    @Test
    void twoModelsOfOneSizeAreTwiceTheWeightsOfOne() {
        holdsSaying(SET33, "P03-imbd-two-scoring-models-on-two-24gb-cards.txt", 2, "= 2 × 10.8 GB = 21.6 GB");
    }

    /** github.com/allenai/reward-bench/pull/31: a DPO model and its reference, "two 70B models take in bf16". */
    @Test
    void thePrecisionSaidSetsTheBytesOfEveryCopy() {
        holdsSaying(SET34, "P09-reward-bench-dpo-70b-on-eight-a6000s.txt", 2, "= 2 × 140 GB = 280 GB");
    }

    /** github.com/ZHZisZZ/weak-to-strong-search/issues/6: "the two 7B models take in 8-bit". */
    @Test
    void theSizeMayFollowTheCountOfModels() {
        holdsSaying(SET34, "P04-weak-to-strong-search-two-7b-models-w4-k4.txt", 2, "= 2 × 7 GB = 14 GB");
    }

    /** A count of models with no size said computes nothing: two models named apart need not be the same size. */
    @Test
    void aCountOfModelsWithNoSizeComputesNothing() {
        String q = "how big are the two models?";
        assertNull(ModelCopies.of(new Calculations.Ask(q, q, Facts.EMPTY)));
    }

    /** github.com/modular/modular/pull/6216: "gpt-oss-20b has about 21B parameters. how big is that in bf16?". */
    @Test
    void aCountSaidAsParametersBeatsTheSizeInTheName() {
        holdsSaying(SET34, "P08-gpt-oss-mxfp4-moe-on-a-5090.txt", 2, "21B parameters × 2 bytes (16-bit) = 42 GB");
    }

    /** github.com/aidatatools/ollama-benchmark/issues/29: "at about 21B parameters and 4.25 bits per weight". */
    @Test
    void theCountSaidIsTheOneTheBitsPerWeightMultiply() {
        holdsSaying(SET31, "P04-gpt-oss-20b-mxfp4-in-16gb.txt", 2, "21B parameters × 4.25 bits ÷ 8 = 11.2 GB");
    }

    /** github.com/xdit-project/xDiT/issues/195: FLUX held, "how much is the t5 encoder in bf16" (T5 v1.1 XXL). */
    @Test
    void theT5EncoderIsSizedFromTheCatalogNotTheModelHeld() {
        holdsSaying(SET3, "L10-xdit-flux-4090-24gb.txt", 4, "4.76B parameters × 2 bytes (16-bit) = 9.52 GB");
    }

    /** github.com/chflame163/ComfyUI_CogView4_Wrapper/issues/3: "那 GLM-4 9B 的 text encoder 呢？" after bf16. */
    @Test
    void andWhatAboutAnotherSizeAsksTheWeightsQuestionAgain() {
        holdsSaying(SET28, "P08-cogview4-wrapper-to-cuda-chinese.txt", 3, "9B parameters × 2 bytes (16-bit) = 18 GB");
    }

    /** "and what about the 13B?" after a question that computed no weights: nothing to ask again. */
    @Test
    void andWhatAboutAfterAnotherKindOfQuestionComputesNothing() {
        String q = "and what about the 13B?";
        String before = "why is reserved so much bigger than allocated?";
        assertNull(WeightsAgain.of(new Calculations.Ask(q, q + "\n" + before, Facts.EMPTY)));
    }
}
