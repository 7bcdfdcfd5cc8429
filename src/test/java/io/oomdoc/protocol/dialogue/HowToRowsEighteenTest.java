package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How-tos asked in the burned held-out sets 20 and 21 (scored once, development data since), each answered by a row
 * or a keyword of knowledge/dialogue/howto.yaml added for it, played through the engine as the conversation goes.
 */
class HowToRowsEighteenTest {
    private static final Path SET20 = Path.of("src/test/resources/conversations_heldout20");
    private static final Path SET21 = Path.of("src/test/resources/conversations_heldout21");

    /** github.com/VyomKulshrestha/Heliox-OS/pull/112: the free VRAM read from Python before loading. */
    @Test
    void freeVramFromPythonIsMemGetInfo() {
        holdsSaying(SET20, "P36-heliox-gguf-layers-that-fit.txt", 3, "torch.cuda.mem_get_info()");
    }

    /** forum.onefourthlabs.com (Kaggle GPU usage vs GPU memory): where the model's weights really are. */
    @Test
    void whetherTheModelIsOnTheGpuIsItsParametersDevice() {
        holdsSaying(SET21, "P33-kaggle-gpu-usage-vs-memory.txt", 2, "next(model.parameters()).device");
    }

    /** github.com/NVIDIA-NeMo/Guardrails/issues/658: vLLM started on an AWQ checkpoint. */
    @Test
    void anAwqCheckpointIsServedWithItsQuantizationFlag() {
        holdsSaying(SET20, "P05-guardrails-lynx-70b-vllm-t4.txt", 3, "--quantization awq");
    }

    /** github.com/xiaoxiaoxh/reactive_diffusion_policy/issues/10: a dataset that loads everything up front. */
    @Test
    void aDatasetReadsItsSamplesOnDemand() {
        holdsSaying(SET21, "P36-reactive-diffusion-policy-4090-batch-1.txt", 4, "mmap_mode='r'");
    }

    /** github.com/pavelzbornik/whisperX-FastAPI/issues/466: concurrent GPU jobs in a FastAPI app. */
    @Test
    void concurrentGpuJobsAreCappedBySemaphore() {
        holdsSaying(SET20, "P34-whisperx-fastapi-concurrent-jobs.txt", 3, "asyncio.Semaphore(1)");
    }

    /** github.com/databricks/databricks-ml-examples/pull/54: in-batch negatives without the memory. */
    @Test
    void aLargeContrastiveBatchUsesTheCachedLoss() {
        holdsSaying(SET21, "P28-bge-large-finetune-mnrl-batch-3.txt", 3, "CachedMultipleNegativesRankingLoss");
    }

    /** github.com/AI4Bharat/IndicConformerASR/issues/4: a three-hour file cut at its pauses. */
    @Test
    void longAudioIsCutAtSpeechPauses() {
        holdsSaying(SET21, "P42-indicconformer-three-hour-audio.txt", 4, "get_speech_timestamps");
    }

    /** github.com/argilla-io/distilabel/issues/593: llama-cpp-python's own context argument. */
    @Test
    void llamaCppPythonTakesNCtx() {
        holdsSaying(SET21, "P34-distilabel-llamacpp-n-ctx-metal.txt", 1, "Llama(..., n_ctx=4096)");
    }

    /** github.com/IgorAherne/trellis-stable-projectorz/issues/6: memory logged after each generation. */
    @Test
    void loggingTheMemoryIsTheAllocatorsCounters() {
        holdsSaying(SET21, "P21-trellis-fp16-gui-3090-after-15.txt", 3, "max_memory_allocated");
    }

    /** github.com/X-LANCE/VoiceFlow-TTS/issues/15: what takes the memory in a training step. */
    @Test
    void whatTakesTheMemoryIsTheSnapshot() {
        holdsSaying(SET21, "P30-voiceflow-tts-l40s-ported-code.txt", 3, "_record_memory_history");
    }

    /** github.com/buildingnet/buildingnet_dataset/issues/1: the peak compared between two setups. */
    @Test
    void comparingThePeakIsMaxMemoryAllocated() {
        holdsSaying(SET21, "P44-buildingnet-gnn-3090-vs-2080ti.txt", 3, "max_memory_allocated");
    }

    /** github.com/pytorch/serve/issues/1003: autograd off and the cache given back in a custom handler. */
    @Test
    void autogradOffAndCacheGivenBackAreBothShown() {
        var v = turn(SET20, "P10-torchserve-detectron2-memory-per-request.txt", 3);
        assertTrue(v.output().contains("inference_mode") && v.output().contains("empty_cache"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/RedMediaTech/ODTSR/issues/14: the text encoder taken off the GPU after precomputing. */
    @Test
    void anEncoderOffTheGpuIsDeletedAndTheCacheEmptied() {
        holdsSaying(SET21, "P02-odtsr-zero2-single-h800.txt", 5, "torch.cuda.empty_cache()");
    }

    /** github.com/microsoft/OmniParser/pull/29: "wrap the call" is the inference-mode wrapper. */
    @Test
    void wrappingTheCallIsInferenceMode() {
        holdsSaying(SET21, "P16-omniparser-no-inference-mode.txt", 3, "torch.inference_mode()");
    }

    /** github.com/dkackman/fing/issues/5: each worker pinned to its own GPU. */
    @Test
    void eachWorkerIsPinnedBySetDevice() {
        holdsSaying(SET21, "P31-fing-txt2img-api-one-mutex-per-gpu.txt", 4, "torch.cuda.set_device");
    }

    /** github.com/hkchengrex/MMAudio/issues/23: what holds the host memory in Python. */
    @Test
    void hostMemoryInPythonIsWatchedWithPsutil() {
        holdsSaying(SET21, "P22-mmaudio-gradio-killed-host-ram.txt", 3, "psutil");
    }

    /** github.com/rinongal/textual_inversion/issues/50: something else clogging the GPU. */
    @Test
    void somethingElseOnTheGpuIsListedByNvidiaSmi() {
        holdsSaying(SET21, "P46-textual-inversion-3090-9gib-attention.txt", 3, "nvidia-smi --query-compute-apps");
    }

    /** github.com/yxlu-0102/AP-BWE/issues/18: segment inference with overlap. */
    @Test
    void segmentsWithOverlapAreTiles() {
        holdsSaying(SET21, "P39-ap-bwe-20-minute-audio.txt", 2, "overlap");
    }
}
