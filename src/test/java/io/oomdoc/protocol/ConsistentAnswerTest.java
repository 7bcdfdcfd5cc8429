package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** One consistent answer (issue 12, item 4 and 6): the stack's own fixes, no OOM fix for a fault, kills always read. */
class ConsistentAnswerTest {
    private final Diagnoser d = new Diagnoser();

    private Report diagnose(String text) { return d.diagnose(LogText.of(text), null, Facts.EMPTY, null, null); }

    @Test
    void anIllegalMemoryAccessIsNamedAndGetsNoMemoryFix() {
        Report r = diagnose(Fixtures.text("traces/notoom-gauhuman-illegal-access.txt"));
        assertEquals("not_oom", r.issueType());
        assertTrue(r.fixes().isEmpty(), String.valueOf(r.fixes()));
        assertTrue(r.sections().rootCause().toLowerCase().contains("illegal"), r.sections().rootCause());
    }

    @Test
    void aVllmCacheErrorGetsEngineFlagsWithTheLengthTheCacheHolds() {
        Report r = diagnose(Fixtures.text("traces/vllm-10517-max-model-len-kv.txt"));
        assertEquals("kv_cache_inference", r.category());
        assertTrue(r.fixes().get(0).after().contains("--max-model-len 23648"), r.fixes().get(0).after());
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("TrainingArguments")), String.valueOf(r.fixes()));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aServingFailureOfAnyCauseOffersTheEnginesOwnKnobs() {
        Report r = diagnose(Fixtures.text("traces/vllm-kaito-2x.txt"));
        assertTrue(r.fixes().stream().anyMatch(f -> f.after().contains("--gpu-memory-utilization")
                || f.after().contains("--max-model-len") || f.after().contains("--tensor-parallel-size")),
                r.category() + " " + r.fixes());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aJaxReportGetsXlaKnobsNotPyTorchOnes() {
        Report r = diagnose("jax on two GPUs: RESOURCE_EXHAUSTED: Out of memory while trying to allocate 285.00MiB. "
                + "Another process on the card runs JAX too.");
        assertTrue(r.fixes().stream().allMatch(f -> !f.after().contains("PYTORCH_CUDA_ALLOC_CONF")), String.valueOf(r.fixes()));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aKillNamedInOneLineIsAlwaysDiagnosedAsHostMemory() {
        for (String line : new String[]{"Killed", "Process finished with exit code 137", "error code -9 after a few hours"}) {
            Report r = diagnose(line);
            assertEquals("host_ram_oom", r.issueType(), line);
            assertEquals("host_ram_oom", r.category(), line);
        }
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aDataLoaderWorkerThatExitedUnexpectedlyIsAHostKill() {
        // zylo117/Yet-Another-EfficientDet-Pytorch#586 (Colab): PyTorch's words when the kernel kills a worker
        Report r = diagnose("RuntimeError: DataLoader worker (pid(s) 1224) exited unexpectedly");
        assertEquals("host_ram_oom", r.issueType());
        assertEquals("host_ram_oom", r.category());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aKillNamedInChineseProseIsDiagnosed() {
        // bubbliiiing/faster-rcnn-pytorch#27: "after unfreezing, the epoch shows 'killed'; how to fix it?"
        Report r = diagnose("楼主你知不知道运行解冻后的epoch会出现killed的现象该怎么解决？");
        assertEquals("host_ram_oom", r.issueType(), r.category());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void issueTypeAndRootCauseNeverDisagree() {
        Report r = diagnose("my dataloader workers get Killed after a while, 16 GB of RAM, num_workers=8");
        assertEquals("host_ram_oom", r.issueType());
        assertEquals("host_ram_oom", r.category());
        assertTrue(r.fixes().size() <= 5);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void theBatchFixUsesTheUsersOwnBatch() {
        Report r = d.diagnose(LogText.of(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")), null,
                Facts.builder().batch(4).build(), null, null);
        r.fixes().stream().filter(f -> f.after().contains("per_device_train_batch_size"))
                .forEach(f -> assertTrue(f.after().contains("per_device_train_batch_size=2"), f.after()));
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aLlamaCppLogIsReportedAsLlamaCppNotPytorch() {
        // mozilla-ai/llamafile#372 (corpus case llamafile-372-tinyllama-f32-gtx1050ti), the ggml lines of its paste
        Report r = diagnose("llama_new_context_with_model: n_ctx      = 2048\n"
                + "ggml_backend_cuda_buffer_type_alloc_buffer: allocating 164.01 MiB on device 0: cudaMalloc failed: "
                + "out of memory\nllama_new_context_with_model: failed to allocate compute buffers");
        assertEquals("llamacpp", r.framework());
    }

    /** github.com/xdit-project/xDiT (FLUX on an RTX 4090): inference gets the weights' knobs, never a training rung. */
    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void inferenceOutsideAnEngineGetsFormatQuantizationAndOffloadNotLora() {
        Report r = diagnose("running inference on the FLUX model with xDiT on an RTX 4090 uses more than 24GB of VRAM"
                + " and goes out of memory. could you support quantization?");
        assertTrue(r.fixes().stream().anyMatch(f -> f.after().contains("enable_model_cpu_offload")), String.valueOf(r.fixes()));
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("LoraConfig")
                || f.after().contains("gradient_checkpointing")), String.valueOf(r.fixes()));
    }

    /** github.com/microsoft/DeepSpeed (a 33B fine-tune on 8 A100 40G with 600G RAM): host memory said in words. */
    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void oomOnRamInWordsIsHostMemory() {
        Report r = diagnose("[BUG] try to finetune a llama 33b on 8*A100 40G, 600G RAM. But always OOM on RAM.");
        assertEquals("host_ram_oom", r.issueType());
    }
}
