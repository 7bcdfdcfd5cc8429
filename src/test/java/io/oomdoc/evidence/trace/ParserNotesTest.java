package io.oomdoc.evidence.trace;

import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.parsers.CudaRuntimeErrorParser;
import io.oomdoc.evidence.trace.parsers.HostRamParser;
import io.oomdoc.evidence.trace.parsers.LibraryWorkspaceParser;
import io.oomdoc.evidence.trace.parsers.PyTorchCudaOomParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What each parser says about a message beside its figures: the notes a report shows under the failure, the kind and
 * the framework. One real message per behaviour, by its id in the corpus's development part (src/test/resources/
 * corpus; the issue thread is the case's source, named in each test).
 */
class ParserNotesTest {
    private static List<TraceFinding> all(TraceParser parser, String caseId) {
        String paste = Corpus.inDevelopment(caseId)
                .orElseThrow(() -> new AssertionError(caseId + " is not in the development part")).paste();
        List<TraceFinding> found = parser.parse(LogText.of(paste));
        assertFalse(found.isEmpty(), caseId);
        return found;
    }

    private static TraceFinding first(TraceParser parser, String caseId) { return all(parser, caseId).get(0); }

    /** jhc13/taggui#188: torch.cuda.OutOfMemoryError with "GPU 0 has a total capacity of" and the allocator's hint. */
    @Test
    void aPyTorch2MessageNamesItsGenerationItsExceptionAndTheAllocatorsHint() {
        List<String> notes = first(new PyTorchCudaOomParser(), "taggui-188-expandable-segments-needed-4gb").notes();
        assertTrue(notes.contains("PyTorch 2.x message"), notes.toString());
        assertTrue(notes.contains("raised as torch.OutOfMemoryError"), notes.toString());
        assertTrue(notes.contains("the allocator suggests expandable_segments:True"), notes.toString());
    }

    /** phamquiluan/ResidualMaskingNetwork#15: "RuntimeError: CUDA out of memory. … (GPU 0; 10.76 GiB total capacity;". */
    @Test
    void aPyTorch1MessageNamesItsGenerationAndTheRuntimeError() {
        List<String> notes = first(new PyTorchCudaOomParser(), "residualmasking-15-36mib-fails-10gb-card").notes();
        assertTrue(notes.contains("PyTorch 1.x message"), notes.toString());
        assertTrue(notes.contains("raised as RuntimeError (PyTorch before 1.13)"), notes.toString());
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("the allocator suggests")), notes.toString());
    }

    /**
     * NVIDIA/TensorRT-LLM#7818: rank 7's message about GPU 0 is cut before its allocator figures and rank 2's, on
     * the next line and the same card, states them; messages about one card still complete each other.
     */
    @Test
    void aCutMessageIsCompletedByTheNextOneAboutTheSameCard() {
        TraceFinding f = first(new PyTorchCudaOomParser(), "trtllm-7818-eight-ranks-on-gpu0-load");
        assertEquals(0, f.numbers().gpuIndex());
        assertNotNull(f.numbers().allocatedBytes(), f.numbers().toString());
    }

    /** vllm-project/vllm#17939: vLLM's own RuntimeError about the sampler warm-up is no PyTorch 1.x message. */
    @Test
    void aFrameworksOwnRuntimeErrorClaimsNoPyTorchVersion() {
        List<String> notes = new PyTorchCudaOomParser().parse(
                io.oomdoc.Fixtures.log("traces/vllm-17939-sampler-warmup-runtimeerror.txt")).get(0).notes();
        assertTrue(notes.contains("raised as RuntimeError"), notes.toString());
        assertTrue(notes.stream().noneMatch(n -> n.contains("before 1.13") || n.startsWith("PyTorch ")),
                notes.toString());
    }

    /** kaito-project/kaito#976: "with 46.00 MiB allocated in private pools (e.g., CUDA Graphs)". */
    @Test
    void memoryInPrivatePoolsIsNotedWithItsSize() {
        List<String> notes = first(new PyTorchCudaOomParser(), "kaito-976-vllm-engine-reserved-unallocated").notes();
        assertTrue(notes.contains("private pools (CUDA Graphs) hold 46.00 MiB"), notes.toString());
    }

    /** hezhangsprinter/DCPDN#12: "RuntimeError: DataLoader worker (pid 19597) is killed by signal: Killed." */
    @Test
    void aKilledDataLoaderWorkerIsHostRamOfTheWorkers() {
        TraceFinding f = first(new HostRamParser(), "dcpdn-12-dataloader-killed-16g");
        assertEquals(FailureKind.HOST_RAM_OOM, f.kind());
        assertTrue(f.notes().get(0).startsWith("a DataLoader worker process was killed"), f.notes().toString());
    }

    /**
     * FoNDUE-HTR/Documentation#5 ("srun: error: gpu001: task 0: Out Of Memory") and brain-score's SLURM log
     * ("slurmstepd: error: Detected 1 oom-kill event(s)"): SLURM's memory cgroup killed the job's host process.
     */
    @Test
    void slurmsReportOfItsMemoryCgroupKillIsHostRam() {
        for (String line : List.of("srun: error: gpu001: task 0: Out Of Memory",
                "slurmstepd: error: Detected 1 oom-kill event(s) in step 1234.batch cgroup.")) {
            List<TraceFinding> found = new HostRamParser().parse(LogText.of(line));
            assertEquals(List.of(FailureKind.HOST_RAM_OOM), found.stream().map(TraceFinding::kind).toList(), line);
        }
    }

    /** 2U1/Qwen-VL-Series-Finetune#135: the kernel's "Out of memory: Killed process 410126 (python) … anon-rss:". */
    @Test
    void theKernelsKillNamesTheProcessAndItsResidentSize() {
        // the thread shows an earlier bare kill first; the kernel's line is the finding with a resident size
        TraceFinding f = all(new HostRamParser(), "qwenvl-finetune-135-dmesg-oom-on-save").stream()
                .filter(x -> x.numbers().processInUseBytes() != null).findFirst().orElseThrow();
        assertTrue(f.notes().get(0).startsWith("the kernel's OOM killer acted"), f.notes().toString());
        assertTrue(f.notes().contains("killed python (pid 410126)"), f.notes().toString());
        assertEquals(22957108L * 1024, f.numbers().processInUseBytes());
    }

    /** eosphoros-ai/DB-GPT#63: "Loading checkpoint shards: 0%| | 0/2 [00:00<?, ?it/s]Killed" and nothing else. */
    @Test
    void aBareKillWhileLoadingIsSigkillWithNoTraceback() {
        TraceFinding f = first(new HostRamParser(), "dbgpt-63-wsl-shards-killed");
        assertEquals(List.of("the process was killed with SIGKILL (exit 137 / -9) and printed no Python traceback"),
                f.notes());
    }

    /** QwenLM/Qwen3#873: "CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`". */
    @Test
    void aCublasAllocationFailureNamesTheLibraryAndItsStatus() {
        TraceFinding f = first(new LibraryWorkspaceParser(), "qwen3-873-cublas-alloc-failed-cublascreate");
        assertEquals(FailureKind.LIBRARY_WORKSPACE, f.kind());
        assertEquals(List.of("cuBLAS reported CUBLAS_STATUS_ALLOC_FAILED"), f.notes());
    }

    /** AlexHex7/Non-local_pytorch#7: "cuda runtime error (2) : out of memory" from the THC allocator (THCudaCheck). */
    @Test
    void theLegacyThcMessageIsItsOwnParserWithNoFigures() {
        TraceFinding f = first(new CudaRuntimeErrorParser(), "nonlocal-7-net-cuda-defaults-to-gpu0");
        assertEquals("thc", f.parser());
        assertEquals(FailureKind.VRAM_OOM, f.kind());
        assertTrue(f.notes().get(0).startsWith("legacy THC allocator message"), f.notes().toString());
    }

    /** vt-vl-lab/pwc-net.pytorch#3: "RuntimeError: CUDA error: out of memory" at the first .cuda() call. */
    @Test
    void aCudaErrorOutOfMemoryIsARuntimeFailureOfPyTorch() {
        TraceFinding f = first(new CudaRuntimeErrorParser(), "pwcnet-3-first-cuda-call-oom");
        assertEquals("cuda-runtime", f.parser());
        assertEquals(FailureKind.CUDA_RUNTIME, f.kind());
        assertEquals("pytorch", f.framework());
    }

    /** utensils/mold#79: the driver API's "DriverError(CUDA_ERROR_OUT_OF_MEMORY, ...)" names no framework. */
    @Test
    void theDriverApisOutOfMemoryNamesNoFramework() {
        TraceFinding f = first(new CudaRuntimeErrorParser(), "mold-79-flux-dev-bf16-4090-transformer-exceeds");
        assertEquals("unknown", f.framework());
        assertEquals(FailureKind.VRAM_OOM, f.kind());
    }
}
