package io.oomdoc.evidence.trace;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Figures stated outside the failing message, on real reports of the corpus (sources in the corpus files): each
 * case's labeled numbers must come out of the decoder exactly.
 */
class StatedFiguresTest {
    private static final List<String> IDS = List.of(
            "colabfold-67-1100aa-colab-pro-limit",          // older XLA spelling "Resource exhausted: Out of memory"
            "jax-788-oom-on-demand-allocator-fragmentation", // the same, wrapped over two lines
            "asr-78-tf-bfc-tile-op-oom",                     // TensorFlow BFC dump "InUse:"
            "tf-7072-windows-cublas-alloc-failed-m2000m",    // TensorFlow device line "Total memory: / Free memory:"
            "deepstream-yolo-366-trt-workspace-4gb",         // TensorRT "Requested amount of GPU memory (N bytes)"
            "torch2trt-661-jetson-nano-fc-tactic-oom",       // the older TensorRT spelling without "GPU"
            "trtllm-5950-dsv3-w4fp8-additional-executor-resources", // TensorRT-LLM executor report in GiB
            "talk-llama-fast-34-gt730-4679mib-buffer",       // llama.cpp "allocating X MiB on device 0: cudaMalloc …"
            "crosse-2-p100-13gb-held-no-process",            // a pasted nvidia-smi table
            "visedit-5-killed-process-still-holds-10gb",     // a gpustat line
            "tgi-1374-codellama34b-eetq-oom-after-warmup",   // a PyTorch message cut inside "is allocated by"
            "nvidia-rag-51-mig-3g20gb-trt-22gb",             // TensorRT's request line cut after the byte count
            "rocm-tf-82-another-process-took-device-memory", // TensorFlow "failed to allocate 7.35G (N bytes)", retries
            "deepposekit-32-tf-predict-batch-size-bfc",      // TensorFlow BFC "(rounded to N)"
            "streamdiffusion-161-trt-build-batch4-832x512",  // TensorRT builder "requested size of N"
            "tt-metal-40108-batched-prefill-padded-to-32-slots", // tt-metal "allocate N B DRAM buffer", twice
            "fairseq-103-fconv-ran-out-of-memory-skipping-batch", // fairseq "ran out of memory on GPU #2"
            "vllm-37428-mixed-batches-fragment-kv-budget",   // PyTorch's message retold field by field
            "espnet-1903-nan-then-oom-844mib-long-sequence", // PyTorch 1.x "cached": reserved but unallocated
            "mindact-1761-gemma7b-npu-generate-zh",          // MindSpore "alloc size : N is more than total mem size"
            "sophon-stream-58-bm1684-four-streams-zh",       // Sophgo bmlib "size = 0x639c00"
            "dmm-3-autograd-grad-3090-24mib",                // a PyTorch message cut at "reserved in tot"
            "netket-711-expect-and-grad-1tb-request");       // the card named by the BFC allocator "GPU_0_bfc"

    @Test
    void labeledFiguresAreDecodedExactly() {
        for (String id : IDS) {
            // the scored held-out splits are development data once scored (bench/results.md); the latest split's
            // case first, then the corpus's, each parsed alone (this class runs in PIT's minions, fresh JVMs)
            Case c = Corpus.firstIn(id, List.of(Corpus.HELDOUT14, Corpus.HELDOUT9, Corpus.HELDOUT8))
                    .or(() -> Corpus.inAll(id)).orElse(null);
            assertNotNull(c, id);
            OomNumbers n = new TraceAnalyzer().analyze(LogText.of(c.paste())).numbers();
            Map<String, Object> got = new java.util.HashMap<>();
            put(got, "tried_bytes", n.triedBytes());
            put(got, "total_bytes", n.totalBytes());
            put(got, "free_bytes", n.freeBytes());
            put(got, "allocated_bytes", n.allocatedBytes());
            put(got, "reserved_bytes", n.reservedBytes());
            put(got, "reserved_unallocated_bytes", n.reservedUnallocatedBytes());
            put(got, "process_in_use_bytes", n.processInUseBytes());
            if (n.gpuIndex() != null) got.put("gpu_index", n.gpuIndex().longValue());
            for (var want : c.numbers().entrySet()) assertEquals(want.getValue(), got.get(want.getKey()),
                    id + " " + want.getKey());
        }
    }

    private static void put(Map<String, Object> m, String k, Long v) { if (v != null) m.put(k, v); }
}
