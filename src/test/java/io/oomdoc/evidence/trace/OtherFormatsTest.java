package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class OtherFormatsTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    private TraceFinding primary(String text) {
        return analyzer.analyze(LogText.of(text)).primary().orElseThrow(() -> new AssertionError("nothing found in: " + text));
    }

    @Test
    void tensorFlowShapeGivesTheRequestInBytes() {
        TraceFinding f = analyzer.analyze(Fixtures.log("traces/tf-models-shape-oom.txt")).primary().orElseThrow();
        assertEquals("tensorflow", f.framework());
        assertEquals(64L * 2016 * 9 * 9 * 4, f.numbers().triedBytes());
        assertEquals(0, f.numbers().gpuIndex());
    }

    /** d4nst/RotNet#11: the BFC dump's "Limit: 2289156096" is all the allocator may hold on the card. */
    @Test
    void tensorFlowsBfcLimitIsTheCardsUsableTotal() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/tf-rotnet-11-bfc-stats-shape-oom.txt"));
        assertEquals("tensorflow", a.framework());
        assertEquals(2_289_156_096L, a.numbers().totalBytes());
        assertEquals(2_137_303_808L, a.numbers().allocatedBytes());
    }

    @Test
    void jaxResourceExhaustedGivesTheRequest() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/jax-bufferassignment.txt"));
        assertEquals(6291456L, a.numbers().triedBytes());
        assertEquals("jax", a.framework());
    }

    /** vllm-project/vllm#10517: the memory profile line before the KV-cache error states the card's size. */
    @Test
    void vllmsMemoryProfileGivesTheCardsTotal() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/vllm-10517-max-model-len-kv.txt"));
        assertEquals(FailureKind.KV_CACHE, a.primary().orElseThrow().kind());
        assertEquals(io.oomdoc.util.Bytes.parse("23.58", "GiB"), a.numbers().totalBytes());
    }

    @Test
    void legacyThcMessageIsRecognised() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/thc-model-cuda-legacy.txt"));
        assertTrue(a.primary().isPresent());
        assertEquals(FailureKind.VRAM_OOM, a.primary().get().kind());
        assertEquals(Phase.LOAD, a.phase(), "self.model.cuda() is loading the model onto the GPU");
    }

    /**
     * hacksider/Deep-Live-Cam#645 (corpus_heldout11): cuBLAS could not create its handle, then ONNX Runtime's arena
     * refused a buffer. The cuBLAS failure is the kind; the arena's refusal is the request, the CudaCall line the card.
     */
    @Test
    void aHandleFailureTakesTheRequestOfTheArenaMessageThatFollows() {
        TraceAnalysis a = analyzer.analyze(LogText.of("onnxruntime::CudaCall CUBLAS failure 3: CUBLAS_STATUS_ALLOC_FAILED"
                + " ; GPU=0 ; hostname=TOBI ; file=D:\\a\\_work\\1\\s\\onnxruntime\\core\\providers\\cuda\\"
                + "cuda_execution_provider.cc ; line=168 ; expr=cublasCreate(&cublas_handle_);`\n\n`onnxruntime.capi."
                + "onnxruntime_pybind11_state.RuntimeException: [ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Non-zero "
                + "status code returned while running Conv node. Name:'Conv_111' Status Message: D:\\a\\_work\\1\\s"
                + "\\onnxruntime\\core\\framework\\bfc_arena.cc:376 onnxruntime::BFCArena::AllocateRawInternal Failed "
                + "to allocate memory for requested buffer of size 13111296\n`"));
        assertEquals(FailureKind.LIBRARY_WORKSPACE, a.primary().orElseThrow().kind());
        assertEquals(13111296L, a.numbers().triedBytes());
        assertEquals(0, a.numbers().gpuIndex());
    }

    @Test
    void libraryWorkspaceFailuresAreTheirOwnKind() {
        assertEquals(FailureKind.LIBRARY_WORKSPACE, primary("RuntimeError: CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`").kind());
        assertEquals(FailureKind.LIBRARY_WORKSPACE, primary("cuDNN failure 2: CUDNN_STATUS_ALLOC_FAILED ; GPU=0 ; hostname=x ; expr=finder(calgo, algoPerf)").kind());
        assertEquals(FailureKind.LIBRARY_WORKSPACE, primary("RuntimeError: NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1191, unhandled cuda error, NCCL version 2.14.3 ncclUnhandledCudaError: Call to CUDA function failed. Last error: Cuda failure 2 'out of memory'").kind());
    }

    @Test
    void hostRamKillsAreNotVram() {
        assertEquals(FailureKind.HOST_RAM_OOM, primary("RuntimeError: DataLoader worker (pid 3855) is killed by signal: Killed.").kind());
        assertEquals(FailureKind.HOST_RAM_OOM, primary("[ 1234.5678] Out of memory: Killed process 4242 (python) total-vm:98765432kB, anon-rss:45678912kB, file-rss:0kB").kind());
        assertEquals(FailureKind.HOST_RAM_OOM, primary("Killed").kind());
        assertEquals(FailureKind.HOST_RAM_OOM, primary("torch.distributed.elastic.multiprocessing.api:failed (exitcode: -9) local_rank: 0 (pid: 290) of binary: /usr/bin/python3").kind());
    }

    @Test
    void kernelKillReportsTheResidentSize() {
        TraceFinding f = primary("Out of memory: Killed process 4242 (python) total-vm:98765432kB, anon-rss:1048576kB, file-rss:0kB");
        assertEquals(1024L * 1024 * 1024, f.numbers().processInUseBytes());
    }

    @Test
    void vllmCacheBlocksIsAKvCacheFailure() {
        TraceFinding f = primary("ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine.");
        assertEquals(FailureKind.KV_CACHE, f.kind());
    }

    @Test
    void mpsMessageReadsItsOwnFigures() {
        TraceFinding f = primary("MPS backend out of memory (MPS allocated: 1.45 GB, other allocations: 7.42 GB, max allowed: 9.07 GB). Tried to allocate 563.62 MB on private pool.");
        assertEquals(Math.round(563.62 * 1024 * 1024), f.numbers().triedBytes());
        assertEquals(Math.round(9.07 * 1024 * 1024 * 1024), f.numbers().totalBytes());
    }

    @Test
    void cudaErrorAtFirstCallIsARuntimeFailureAtStartup() {
        TraceAnalysis a = analyzer.analyze(LogText.of("Traceback (most recent call last):\n  File \"demo.py\", line 22, in <module>\n    im1_v = im1.cuda()\nRuntimeError: CUDA error: out of memory\n"));
        assertEquals(FailureKind.CUDA_RUNTIME, a.primary().get().kind());
        assertEquals(Phase.STARTUP, a.phase());
        assertEquals("demo.py", a.userFrame().orElseThrow().file());
    }

    @Test
    void memorySummaryTableGivesAllocatedReservedAndTheOomCount() {
        TraceFinding f = analyzer.analyze(Fixtures.log("traces/memory-summary-pytorch35901.txt")).primary().orElseThrow();
        assertEquals("memory-summary", f.parser());
        assertEquals(1062L * 1024 * 1024, f.numbers().allocatedBytes());
        assertEquals(12420L * 1024 * 1024, f.numbers().reservedBytes());
        assertEquals(0, f.numbers().gpuIndex());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("1 out-of-memory")), f.notes().toString());
    }

    @Test
    void memoryStatsDictIsRead() {
        TraceFinding f = primary("{'active.all.current': 812, 'allocated_bytes.all.current': 4294967296, 'allocated_bytes.all.peak': 8589934592, 'reserved_bytes.all.current': 10737418240, 'inactive_split_bytes.all.current': 1073741824}");
        assertEquals(4294967296L, f.numbers().allocatedBytes());
        assertEquals(10737418240L, f.numbers().reservedBytes());
        assertEquals(1073741824L, f.numbers().reservedUnallocatedBytes());
    }

    @Test
    void deepSpeedCacheFlushWarningIsMemoryPressure() {
        TraceFinding f = primary("[2023-08-01 12:00:00,000] [WARNING] [stage3.py:1850:step] 4 pytorch allocator cache flushes since last step. this happens when there is high memory pressure and is detrimental to performance.");
        assertEquals("deepspeed", f.framework());
        assertTrue(f.notes().get(0).contains("4 allocator cache flushes"));
    }

    @Test
    void plainProseWithoutAMessageIsOnlyAMention() {
        TraceAnalysis a = analyzer.analyze(LogText.of("Trainer runs out of memory when computing eval score"));
        assertEquals("mention", a.primary().orElseThrow().parser());
        assertTrue(analyzer.analyze(LogText.of("loss 0.31 step 200\nloss 0.29 step 300")).findings().isEmpty());
    }

    @Test
    void tensorRtLlmsMissingKvCacheComponentIsAKvCacheFailure() {
        // NVIDIA/TensorRT-LLM#5872 (corpus/serving.jsonl): "The following component could not be created: KV cache"
        String paste = io.oomdoc.corpus.Corpus.inDevelopment("trtllm-5872-qwen3-235b-fp8-tp8-kv-cache-component")
                .orElseThrow().paste();
        assertTrue(analyzer.analyze(LogText.of(paste)).findings().stream()
                .anyMatch(f -> f.kind() == FailureKind.KV_CACHE));
    }

    @Test
    void cTranslate2sOutOfMemoryIsAGpuMemoryFailure() {
        // chidiwilliams/buzz#439 (corpus_heldout5): faster-whisper's CTranslate2 raises
        // "RuntimeError: CUDA failed with error out of memory" while it builds the model
        String paste = io.oomdoc.corpus.Corpus.heldout5().stream()
                .filter(c -> c.id().equals("buzz-439-faster-whisper-medium-gtx1060")).findFirst().orElseThrow().paste();
        TraceFinding f = analyzer.analyze(LogText.of(paste)).primary().orElseThrow();
        assertEquals(FailureKind.VRAM_OOM, f.kind());
        assertEquals("cuda-runtime", f.parser());
    }

    @Test
    void ggmlsCudaErrorNamesTheCardItFailedOn() {
        // LostRuins/koboldcpp#1711 (corpus_heldout6, verbatim): ggml prints the device under its CUDA error
        String paste = io.oomdoc.corpus.Corpus.heldout6().stream()
                .filter(c -> c.id().equals("koboldcpp-1711-prompt-12710-tokens-blas-batch")).findFirst().orElseThrow()
                .paste();
        assertEquals(0, primary(paste).numbers().gpuIndex());
    }

    @Test
    void ggmlsPoolFailingInsideAComputationIsNotAFirstCudaCall() {
        // LostRuins/koboldcpp#1711 (corpus_heldout6): "in function alloc" is ggml's pool growing mid-prompt
        String paste = io.oomdoc.corpus.Corpus.heldout6().stream()
                .filter(c -> c.id().equals("koboldcpp-1711-prompt-12710-tokens-blas-batch")).findFirst().orElseThrow()
                .paste();
        TraceAnalysis a = analyzer.analyze(LogText.of(paste));
        assertEquals(FailureKind.VRAM_OOM, a.primary().orElseThrow().kind());
        assertNotEquals(Phase.STARTUP, a.phase());
    }

    /** ecmwf-lab/ai-models-graphcast#18: PJRT names the card "on device ordinal 0". */
    @Test
    void pjrtsDeviceOrdinalIsTheCard() {
        TraceAnalysis a = analyzer.analyze(RealPastes.log("aimodelsgraphcast-18-jax-025deg-forecast"));
        assertEquals(3_206_250_496L, a.numbers().triedBytes());
        assertEquals(0, a.numbers().gpuIndex());
    }
}
