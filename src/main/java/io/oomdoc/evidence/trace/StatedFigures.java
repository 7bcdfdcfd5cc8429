package io.oomdoc.evidence.trace;

import io.oomdoc.util.Bytes;
import io.oomdoc.util.Num;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory figures a log states outside the failing message itself: TensorFlow's device line ("Total memory: 4.00GiB
 * Free memory: 3.35GiB") and BFC dump ("InUse:"), TensorRT's "Requested amount of GPU memory (N bytes)", TensorRT-LLM's
 * executor report ("Total GPU memory (GiB): 140.06"), llama.cpp's "allocating 4679.55 MiB on device 0: cudaMalloc
 * failed", TensorFlow's "failed to allocate 7.35G (N bytes) from device" and BFC "(rounded to N)", TensorRT's builder
 * "insufficient memory on requested size of N", tt-metal's "allocate N B DRAM buffer", fairseq's "ran out of memory
 * on GPU #N", MindSpore's "alloc size : N is more than total mem size : T", Sophgo bmlib's "size = 0xN", and a
 * pasted nvidia-smi table (the first GPU row's total). They complete the failing message's figures;
 * they never replace one it states. Each request pattern takes its first match: the first request is the one that
 * failed; the ones after it are retries at smaller sizes.
 */
final class StatedFigures {
    private static final Pattern TF_TOTAL = Pattern.compile("(?m)^.{0,200}?\\bTotal memory:\\s*" + Bytes.SIZE);
    private static final Pattern TF_FREE = Pattern.compile("(?m)^.{0,200}?\\bFree memory:\\s*" + Bytes.SIZE);
    private static final Pattern TF_DEVICE = Pattern.compile("Found device (\\d+) with properties");
    private static final Pattern BFC_IN_USE = Pattern.compile("(?m)^\\s*InUse:\\s+(\\d+)\\s*$");
    /**
     * Requests stated in bytes, the first pattern that matches wins, and its first match: the first request is the
     * failed one (TensorFlow retries smaller). TensorRT's is read up to the byte count only: pastes cut the rest of
     * that long line ("could not be alloca").
     */
    private static final List<Pattern> REQUESTS = List.of(
            Pattern.compile("Requested amount of (?:GPU )?memory \\((\\d+) bytes\\)"),
            Pattern.compile("failed to allocate \\d+(?:\\.\\d+)?[KMGT]? \\((\\d+) bytes\\) from device"),
            Pattern.compile("ran out of memory trying to allocate \\S+ \\(rounded to (\\d+)\\)"),
            Pattern.compile("insufficient memory on requested size of (\\d+)"),
            Pattern.compile("Not enough space to allocate (\\d+) B \\w* ?buffer"));
    /**
     * MindSpore's dynamic allocator: "TotalUsedMemStatistics : U plus TotalUsedByEventMemStatistics : E and plus
     * alloc size : N is more than total mem size : T." (bytes).
     */
    private static final Pattern MINDSPORE = Pattern.compile(
            "plus alloc size : (\\d+) is more than total mem size : (\\d+)");
    /** Sophgo's bmlib names the device and the request in hex: "bm_alloc_gmem failed, dev_id = 0, size = 0x639c00". */
    private static final Pattern BMLIB = Pattern.compile(
            "bm_alloc_gmem failed, dev_id = (\\d+), size = 0x([0-9a-fA-F]{1,15})");
    /**
     * TensorFlow's and XLA's BFC allocator is named after its card: "Allocator (GPU_0_bfc) ran out of memory trying
     * to allocate 977.79GiB" (netket/netket#711, a JAX run that prints no device line).
     */
    private static final Pattern BFC_GPU = Pattern.compile("Allocator \\(GPU_(\\d+)_bfc\\) ran out of memory");
    /** fairseq's OOM handler names the device it skipped a batch on. */
    private static final Pattern FAIRSEQ_GPU = Pattern.compile("ran out of memory on GPU #(\\d+)");
    private static final Pattern TRTLLM_TOTAL = Pattern.compile("Total GPU memory \\(GiB\\):\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern TRTLLM_FREE = Pattern.compile(
            "Free GPU memory before component creation attempt \\(GiB\\):\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern GGML = Pattern.compile(
            "allocating (\\d+(?:\\.\\d+)?) (MiB|GiB|MB|GB) on device (\\d+): cudaMalloc failed");
    /**
     * llama.cpp's next line names the same request in bytes ("failed to allocate CUDA0 buffer of size 7553073280"):
     * exact, where "allocating 7203.17 MiB" is rounded to two decimals.
     */
    private static final Pattern GGML_BYTES = Pattern.compile("failed to allocate \\w+ buffer of size (\\d+)");
    /** llama.cpp with one device: every buffer it names (CUDA0) is on GPU 0. */
    private static final Pattern GGML_ONE_DEVICE = Pattern.compile("ggml_cuda_init: found 1 CUDA devices");
    /** An nvidia-smi GPU row: "|   0  Tesla V100-SXM2...  On   |" then, on the next line, "  9000MiB / 16152MiB |". */
    private static final Pattern SMI_ROW = Pattern.compile(
            "(?m)^\\|\\s+(\\d+)\\s+[^|\\n]*\\|[^|\\n]*\\|[^|\\n]*\\|\\s*\\n"
                    + "\\|[^|\\n]*\\|\\s*(\\d+)MiB\\s*/\\s*(\\d+)MiB");
    /** gpustat: "[6] NVIDIA A100 80GB PCIe | 52'C, 100 % | 10151 / 81920 MB |". */
    private static final Pattern GPUSTAT = Pattern.compile(
            "(?m)^\\W?\\[(\\d+)\\][^|\\n]*\\|[^|\\n]*\\|\\s*(\\d+) / (\\d+) MB");

    private StatedFigures() {}

    static OomNumbers read(String text) {
        OomNumbers.Builder b = new OomNumbers.Builder();
        tensorFlow(text, b);
        request(text, b);
        otherStacks(text, b);
        if (b.total == null) cardTable(text, b);
        return b.build();
    }

    /** TensorFlow's stated total, free and device, and its BFC allocator's bytes in use. */
    private static void tensorFlow(String text, OomNumbers.Builder b) {
        Matcher m = TF_TOTAL.matcher(text);
        if (m.find()) b.total = Bytes.parse(m.group(1), m.group(2));
        m = TF_FREE.matcher(text);
        if (m.find()) b.free = Bytes.parse(m.group(1), m.group(2));
        m = TF_DEVICE.matcher(text);
        if (m.find() && b.total != null) b.gpu = Num.toInt(m.group(1));
        m = BFC_IN_USE.matcher(text);
        if (m.find()) b.allocated = Num.toLong(m.group(1));
    }

    /** The failing request: the first of REQUESTS that reads, else MindSpore's (with its total) or bmlib's. */
    private static void request(String text, OomNumbers.Builder b) {
        Matcher m;
        for (Pattern p : REQUESTS) {
            if (b.tried != null) break;
            m = p.matcher(text);
            if (m.find()) b.tried = Num.toLong(m.group(1));
        }
        m = MINDSPORE.matcher(text);
        if (b.tried == null && m.find()) { b.tried = Num.toLong(m.group(1)); b.total = Num.toLong(m.group(2)); }
        m = BMLIB.matcher(text);
        if (b.tried == null && m.find()) {
            b.tried = Long.parseLong(m.group(2), 16);
            b.gpu = Num.toInt(m.group(1));
        }
    }

    /** fairseq's device, TensorRT-LLM's total and free, ggml's request and device; read after the ones above. */
    private static void otherStacks(String text, OomNumbers.Builder b) {
        Matcher m = FAIRSEQ_GPU.matcher(text);
        if (m.find()) b.gpu = Num.toInt(m.group(1));
        m = BFC_GPU.matcher(text);
        if (b.gpu == null && m.find()) b.gpu = Num.toInt(m.group(1));
        m = TRTLLM_TOTAL.matcher(text);
        if (m.find()) b.total = Bytes.parse(m.group(1), "GiB");
        m = TRTLLM_FREE.matcher(text);
        if (m.find()) b.free = Bytes.parse(m.group(1), "GiB");
        m = GGML.matcher(text);
        if (m.find()) { b.tried = Bytes.parse(m.group(1), m.group(2)); b.gpu = Num.toInt(m.group(3)); }
        m = GGML_BYTES.matcher(text);
        if (b.tried != null && m.find() && Math.abs(Num.toLong(m.group(1)) - b.tried) < Bytes.MIB) {
            b.tried = Num.toLong(m.group(1));
        }
        if (b.gpu == null && GGML_ONE_DEVICE.matcher(text).find()) b.gpu = 0;
    }

    /** With no total stated, the card's size from an nvidia-smi or gpustat table pasted beside the error. */
    private static void cardTable(String text, OomNumbers.Builder b) {
        Matcher m = SMI_ROW.matcher(text);
        if (m.find()) { b.total = Long.parseLong(m.group(3)) * Bytes.MIB; b.gpu = Num.toInt(m.group(1)); }
        else if ((m = GPUSTAT.matcher(text)).find()) b.total = Long.parseLong(m.group(3)) * Bytes.MIB;
    }
}
