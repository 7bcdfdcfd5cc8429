package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explain turns of the burned held-out sets (development data since) whose answer was a passage about something else:
 * where llama.cpp and Ollama put a model's layers and their KV cache, why a video costs more than an image, what
 * memory looks like over the steps without a leak and why it grows over the iterations
 * (knowledge/dialogue/glossary.yaml and notes.yaml). Each played through the engine as its conversation goes; the
 * last three are turns of threads that name the same words and keep their answers.
 */
class ExplainAskedFortySixTest {
    private static final Path SET3 = Path.of("src/test/resources/conversations_heldout3");
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET9 = Path.of("src/test/resources/conversations_heldout9");
    private static final Path SET12 = Path.of("src/test/resources/conversations_heldout12");
    private static final Path SET13 = Path.of("src/test/resources/conversations_heldout13");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET22 = Path.of("src/test/resources/conversations_heldout22");
    private static final Path SET24 = Path.of("src/test/resources/conversations_heldout24");
    private static final Path SET25 = Path.of("src/test/resources/conversations_heldout25");
    private static final Path SET26 = Path.of("src/test/resources/conversations_heldout26");
    private static final String LAYERS = "place a model by whole layers";
    private static final String VIDEO = "A video is many images at once";

    /** github.com/ggml-org/llama.cpp/issues/10560: --gpu-layers 1 leaves the KV cache in CPU RAM. */
    @Test
    void theKvCacheFollowsItsLayerOntoTheCpu() {
        holdsSaying(SET8, "I52-llama-cpp-kv-cache-on-cpu-with-one-gpu-layer.txt", 1, "KV cache follows its layer");
    }

    /** github.com/ollama/ollama/issues/8164: "will fit in available VRAM", then every buffer on the CPU. */
    @Test
    void everyBufferOnTheCpuMeansNoGpuBackendWasLoaded() {
        holdsSaying(SET9, "J25-ollama-llama32-3b-will-fit-but-runs-on-cpu-4060ti.txt", 1,
                "fell back to its CPU runner");
    }

    /** github.com/ollama/ollama/issues/8144: a model too big for the card runs partly on the CPU. */
    @Test
    void aModelTooBigForTheCardIsSplitByLayers() {
        holdsSaying(SET9, "J26-ollama-model-too-big-freezes-windows.txt", 1, "as many layers as fit go on the GPU");
    }

    /** github.com/Light-Heart-Labs/DreamServer/pull/1481: N_GPU_LAYERS=99 on a Jetson Orin Nano. */
    @Test
    void onABoardWithOneMemoryEveryLayerGoesOnTheGpu() {
        holdsSaying(SET15, "P48-dreamserver-jetson-orin-nano-8gb-tier-small-models.txt", 2, "use the same memory");
    }

    /** github.com/simonw/llm-llama-cpp/issues/19: "mem required = 3767.53 MB (+ 2000.00 MB per state)". */
    @Test
    void theMemoryPerStateIsTheKvCache() {
        holdsSaying(SET13, "N21-llm-llama-cpp-n-gpu-layers-fixed-at-1.txt", 3, "keeps each token's keys and values");
    }

    /** github.com/alibaba-damo-academy/RynnEC/issues/10: a video input against a single image. */
    @Test
    void aVideoIsTheTokensOfEveryFrame() {
        holdsSaying(SET26, "P01-rynnec-5080-16gb-inference.txt", 4, VIDEO);
    }

    /** github.com/Netflix/void-model/issues/4: whether the video's length changes memory. */
    @Test
    void aLongerVideoKeepsMoreFrames() {
        holdsSaying(SET24, "P08-void-model-video-16gb.txt", 3, VIDEO);
    }

    /** github.com/farewellthree/PPLLaVA/issues/9: num_frames 16 and a (1, 3, 3) pooling kernel. */
    @Test
    void poolingCutsTheVisualTokensOfEachFrame() {
        holdsSaying(SET22, "P22-ppllava-dpo-a800-video-frames.txt", 2, "pooling or merging the visual tokens");
    }

    /** github.com/daa233/generative-inpainting-pytorch/issues/23: memory over the steps when nothing leaks. */
    @Test
    void withoutALeakMemoryStaysFlatAfterTheFirstSteps() {
        holdsSaying(SET25, "P36-generative-inpainting-growth.txt", 4, "stays flat");
    }

    /** github.com/ml-explore/mlx/issues/1406: LoRA memory grows from 90 GB to 200 GB over 60 iterations. */
    @Test
    void memoryThatGrowsOverTheIterationsMetALongerBatch() {
        holdsSaying(SET12, "M46-mlx-lora-llama-3.1-8b-8192-memory-grows-to-200gb.txt", 3, "the longest batch");
    }

    /** github.com/abetlen/llama-cpp-python/issues/546: a follow-up naming --n_gpu_layers asks about n_batch. */
    @Test
    void aFollowUpNamingGpuLayersKeepsItsOwnAnswer() {
        var v = CaseFiguresTest.turn(SET3, "L09-llama-cpp-python-memory-pool-n-batch.txt", 4);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
        assertFalse(v.output().contains(LAYERS), v.output());
    }

    /** discuss.pytorch.org/t/gpu-memory-gets-filled/8190: an LSTM's utterance frames are not a video's. */
    @Test
    void aFollowUpAboutAudioFramesKeepsItsOwnAnswer() {
        var v = CaseFiguresTest.turn(SET13, "N04-pytorch-forum-lstm-200-fills-8gb.txt", 4);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
        assertFalse(v.output().contains(VIDEO), v.output());
    }

    /** github.com/NVlabs/VILA/issues/83: "then why not 16 frames?" after 8 frames' tokens in a 4096 context. */
    @Test
    void aFollowUpOnMoreFramesStillWeighsTheContextLeft() {
        var v = CaseFiguresTest.turn(SET25, "P30-vila-8-frames-4096-tokens.txt", 3);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/ollama/ollama/issues/1385: why fewer layers on the GPU leave room for the context. */
    @Test
    void aQuestionAboutFewerLayersKeepsItsAnswer() {
        var v = CaseFiguresTest.turn(SET8, "I15-ollama-offload-ignores-context-size-num-gpu.txt", 4);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
