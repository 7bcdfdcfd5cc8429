package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explain and how-to turns of the burned held-out sets (scored once, development data since) that got an answer
 * about a word of the question instead of the question: the glossary term or the catalog row added or reworded for
 * each (knowledge/dialogue), played through the engine as the conversation goes.
 */
class ExplainHowToThirtyFourTest {
    private static final Path SET3 = Path.of("src/test/resources/conversations_heldout3");
    private static final Path SET4 = Path.of("src/test/resources/conversations_heldout4");
    private static final Path SET7 = Path.of("src/test/resources/conversations_heldout7");
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET12 = Path.of("src/test/resources/conversations_heldout12");
    private static final Path SET14 = Path.of("src/test/resources/conversations_heldout14");

    /** github.com/bghira/SimpleTuner/issues/1645: in use minus allocated is the memory outside PyTorch. */
    @Test
    void theRestBesidesWhatPytorchAllocatedIsNonPytorchMemory() {
        holdsSaying(SET3, "L17-simpletuner-kontext-fp8-quanto-save.txt", 4, "CUDA context");
    }

    /** github.com/k2-fsa/ZipVoice/issues/84: 53.78 GiB allocated on a 24 GiB card on Windows. */
    @Test
    void allocatedBeyondTheCardIsSystemMemoryFallback() {
        holdsSaying(SET14, "P37-zipvoice-4090-53gib-allocated-shared-memory.txt", 2, "Sysmem Fallback");
    }

    /** github.com/YingqianWang/iPASSR/issues/9: 17.20 GiB allocated on an 8 GiB card. */
    @Test
    void allocatedBeyondAnEightGibCardIsSharedMemory() {
        holdsSaying(SET7, "H10-ipassr-10.73-gib-request-8gb-card.txt", 2, "shared GPU memory");
    }

    /** github.com/withcatai/node-llama-cpp/issues/435: node-llama-cpp's own context option. */
    @Test
    void nodeLlamaCppSetsItsContextInCreateContext() {
        holdsSaying(SET8, "I49-node-llama-cpp-8b-q8-fills-24gb-4090.txt", 5, "contextSize");
    }

    /** github.com/bytedance/Video-As-Prompt/issues/4: sequential offload asked by its short name. */
    @Test
    void sequentialOffloadIsItsOwnRow() {
        holdsSaying(SET12, "M13-video-as-prompt-wan-l20-43gb-cpu-offload.txt", 4, "enable_sequential_cpu_offload()");
    }

    /** github.com/fastai/diffusion-nbs/issues/19: attention slicing on a UNet loaded without a pipeline. */
    @Test
    void attentionSlicingOnAUnetAloneIsSetAttentionSlice() {
        holdsSaying(SET4, "M11-fastai-sd-deep-dive-8gb-fp16.txt", 2, "unet.set_attention_slice");
    }

    /**
     * github.com/ShivamShrirao/diffusers/issues/106: "why does training the text encoder cost that much" names model
     * offload only by its effect word (text encoder); the explanation opens the answer, the row follows it.
     */
    @Test
    void aSettingNamedOnlyByItsEffectFollowsTheExplanation() {
        var v = turn(SET4, "M14-shivam-dreambooth-colab-12gb-text-encoder.txt", 3);
        String first = v.output().lines().findFirst().orElse("");
        assertFalse(first.contains("enable_model_cpu_offload"), v.output());
        assertTrue(v.output().contains("enable_model_cpu_offload"), v.output());
    }
}
