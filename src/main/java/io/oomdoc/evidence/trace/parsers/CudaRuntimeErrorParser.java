package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.util.Num;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.evidence.trace.TraceText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Out-of-memory reported by the CUDA runtime or driver rather than by a framework's allocator:
 * "CUDA error: out of memory", the old THC "cuda runtime error (2)", CUDA_ERROR_OUT_OF_MEMORY,
 * CNTK's "CUDA failure 2". Without the allocator's figures these often mean the context itself
 * could not be created, or another process holds the card.
 */
public final class CudaRuntimeErrorParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile(
            "CUDA error: out of memory|cuda runtime error \\(2\\)|CUDA_ERROR_OUT_OF_MEMORY|CUDA failure 2\\b"
            + "|cudaErrorMemoryAllocation|cudaMalloc(?:Async)? failed|CUresult=2\\b|error=2 : out of memory|failed "
                    + "with error 2 out of memory"
            // CTranslate2 (faster-whisper, WhisperX): "RuntimeError: CUDA failed with error out of memory"
            + "|CUDA failed with error out of memory", Pattern.CASE_INSENSITIVE);
    /** ggml (llama.cpp, koboldcpp, ollama) names the card under its CUDA error: "current device: 0, in function". */
    private static final Pattern GGML_DEVICE = Pattern.compile("\\bcurrent device: (\\d+), in function");
    private static final Pattern GGML_POOL = Pattern.compile("\\bcurrent device: \\d+, in function alloc\\b");
    private static final Pattern BYTES = Pattern.compile("(?:failed to allocate|allocate)\\s+[^()]*\\((\\d+) bytes\\)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 4);
            OomNumbers.Builder b = new OomNumbers.Builder();
            Matcher m = BYTES.matcher(msg);
            if (m.find()) b.tried = Num.toLong(m.group(1));
            Matcher device = GGML_DEVICE.matcher(msg);
            if (device.find()) b.gpu = Num.toInt(device.group(1));
            List<String> notes = new ArrayList<>();
            boolean thc = msg.toLowerCase().contains("cuda runtime error (2)") || msg.contains("THCudaCheck");
            // ggml's pool growing inside a computation ("current device: 0, in function alloc") is its allocator
            // running out mid-run, not the runtime failing on a first call
            boolean ggmlPool = GGML_POOL.matcher(msg).find();
            FailureKind kind = msg.contains("CUDA error: out of memory") && !ggmlPool ? FailureKind.CUDA_RUNTIME
                    : FailureKind.VRAM_OOM;
            if (thc) notes.add(TraceText.get("thc.legacy"));
            String framework = msg.contains("CUDA failure 2") ? "cntk"
                    : msg.contains("CUDA_ERROR_OUT_OF_MEMORY") || msg.contains("CUDA failed with error") ? "unknown"
                    : "pytorch";
            out.add(new TraceFinding(thc ? "thc" : "cuda-runtime", kind, framework, Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), notes));
        }
        return out;
    }
}
