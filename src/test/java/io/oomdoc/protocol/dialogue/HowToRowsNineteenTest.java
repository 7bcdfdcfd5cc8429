package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * How-tos asked in the burned held-out sets 22 and 23 (scored once, development data since), each answered by a row,
 * a snippet or a keyword of knowledge/dialogue/howto.yaml added for it, or by the share computed for the card held
 * (ShareLeft), played through the engine as the conversation goes.
 */
class HowToRowsNineteenTest {
    private static final Path SET22 = Path.of("src/test/resources/conversations_heldout22");
    private static final Path SET23 = Path.of("src/test/resources/conversations_heldout23");

    /** github.com/NVIDIA/xr-ai/pull/103: vLLM's share that leaves 6 GB of a 24 GB card (ShareLeft). */
    @Test
    void theShareThatLeavesRoomIsComputedForTheCardHeld() {
        holdsSaying(SET22, "P38-xr-ai-vllm-backend-23gb.txt", 3, "--gpu-memory-utilization 0.75");
    }

    /** github.com/facebookresearch/SentAugment/issues/4: embeddings written chunk by chunk into a memmap. */
    @Test
    void embeddingsAreWrittenIntoAMemoryMappedFile() {
        holdsSaying(SET22, "P06-sentaugment-100m-embeddings-killed.txt", 4, "np.lib.format.open_memmap");
    }

    /** github.com/h2oai/h2o-llmstudio/issues/179: an app that should see one GPU only. */
    @Test
    void oneVisibleGpuIsCudaVisibleDevices() {
        holdsSaying(SET22, "P16-h2o-llmstudio-chat-tab-busy-gpu0.txt", 2, "CUDA_VISIBLE_DEVICES");
    }

    /** github.com/MooreThreads/ollama-musa/issues/22: an integrated GPU's carve-out is set in the firmware. */
    @Test
    void anIntegratedGpusMemoryIsTheUmaFrameBuffer() {
        holdsSaying(SET22, "P17-ollama-musa-780m-zero-bytes.txt", 5, "UMA Frame Buffer Size");
    }

    /** github.com/vllm-project/recipes/pull/971: tensor parallel with a capped context, two topics in one. */
    @Test
    void tensorParallelWithACappedContextShowsBothFlags() {
        holdsSaying(SET22, "P19-vllm-recipes-qwen-27b-awq-two-3090s.txt", 3, "--max-model-len");
    }

    /** github.com/onnx/onnx/issues/4627: ONNX Runtime's CUDA arena capped. */
    @Test
    void onnxRuntimesArenaIsCappedByGpuMemLimit() {
        holdsSaying(SET22, "P21-onnx-roberta-ort-gpu-growth.txt", 3, "'gpu_mem_limit'");
    }

    /** github.com/mit-han-lab/TinyChatEngine/issues/96: a Jetson booted without its desktop. */
    @Test
    void aJetsonFreesMemoryWithoutItsDesktop() {
        holdsSaying(SET22, "P27-tinychatengine-orin-nano-llama2-awq.txt", 4, "multi-user.target");
    }

    /** github.com/snapotter-hq/SnapOtter/issues/191: Real-ESRGAN's tile from Python. */
    @Test
    void realEsrganTilesThroughItsConstructor() {
        holdsSaying(SET22, "P43-snapotter-realesrgan-3070-tiling.txt", 4, "RealESRGANer(");
    }

    /** github.com/langchain-ai/langchain/issues/16824: LangChain's batch capped. */
    @Test
    void langchainsBatchIsCappedByMaxConcurrency() {
        holdsSaying(SET22, "P02-langchain-rag-fusion-batch-t4.txt", 4, "max_concurrency");
    }

    /** github.com/DustinHendrickson/mod-ollama-chat/issues/31: Ollama's requests per model. */
    @Test
    void ollamasParallelRequestsAreOllamaNumParallel() {
        holdsSaying(SET22, "P13-mod-ollama-chat-bots-memory.txt", 3, "OLLAMA_NUM_PARALLEL");
    }

    /** github.com/Yuliang-Liu/MonkeyOCR/issues/149: lmdeploy's engine config with its batch cap. */
    @Test
    void lmdeploysEngineConfigCarriesMaxBatchSize() {
        holdsSaying(SET22, "P23-monkeyocr-lmdeploy-48gb-server.txt", 3, "max_batch_size=32");
    }

    /** github.com/huggingface/community-events/issues/199: datasets.map flushing fewer rows at a time. */
    @Test
    void datasetsMapWritesFewerRowsAtATime() {
        holdsSaying(SET22, "P33-whisper-small-colab-ram-dataset-map.txt", 3, "writer_batch_size=100");
    }

    /** github.com/Biohub/octopi/issues/29: MONAI's sliding window with the output kept on the CPU. */
    @Test
    void monaiValidatesInWindowsWithTheOutputOnTheCpu() {
        holdsSaying(SET22, "P40-octopi-validation-spike-tomograms.txt", 3, "device='cpu'");
    }

    /** github.com/mafiosnik777/enhancr/issues/22: the dedicated memory on Windows. */
    @Test
    void windowsShowsDedicatedMemoryInTaskManager() {
        holdsSaying(SET22, "P46-enhancr-directml-8007000e.txt", 3, "Dedicated GPU memory");
    }

    /** github.com/franciszzj/Leffa/issues/32: VAE tiling in a diffusers pipeline of one's own. */
    @Test
    void aDiffusersPipelineTilesItsVae() {
        holdsSaying(SET23, "P14-leffa-fp16-cpu-offload.txt", 4, "pipe.enable_vae_tiling()");
    }

    /** github.com/lemonade-sdk/lemonade/issues/3276: slots and a q8_0 cache asked back with "how do I set that". */
    @Test
    void llamaServerSlotsAndCacheTypeAreSetTogether() {
        holdsSaying(SET22, "P11-lemonade-llama-server-four-slots-131k.txt", 5, "-ctk q8_0");
    }

    /** github.com/BinItAI/visdet/issues/562: mixed precision in an mmdetection 3.x config. */
    @Test
    void mmdetectionTurnsOnAmpThroughItsOptimWrapper() {
        holdsSaying(SET23, "P10-visdet-1920x1080-batch-2-v100.txt", 4, "AmpOptimWrapper");
    }
}
