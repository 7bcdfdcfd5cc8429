package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.ReportText;
import io.oomdoc.evidence.trace.TraceFinding;

import java.util.regex.Pattern;

/**
 * CUDA failures that look like an out-of-memory report but are not one: a kernel fault, an assert, a missing
 * kernel image, a collective timeout. When one of these is the error and no allocator message is present, the
 * answer names it and offers no memory fix.
 */
public final class NotOom {
    private static final Pattern ERROR = Pattern.compile("(?i)an illegal memory access|illegal instruction"
            + "|device-side assert|misaligned address|no kernel image is available|invalid device function"
            + "|cublas_status_execution_failed|cublas_status_invalid_value|cudnn_status_execution_failed"
            + "|cudnn_status_mapping_error|unspecified launch failure|segmentation fault|core dumped"
            + "|watchdog caught collective operation timeout|nccl.{0,40}timeout|driver version is insufficient"
            + "|invalid configuration argument|cuda error: invalid argument|cudaErrorIllegalAddress"
            + "|an illegal address"
            // The same faults under the names the driver API, the runtime enum and HIP give them (CUDA Driver API,
            // CUresult: 700 ILLEGAL_ADDRESS, 710 ASSERT, 715 ILLEGAL_INSTRUCTION, 716 MISALIGNED_ADDRESS, 719
            // LAUNCH_FAILED; HIP mirrors them): a wrapper such as Numba or CuPy reports the sticky error of an
            // earlier kernel at the next allocation, so the allocation call in the line is not what failed.
            + "|cuda_error_(?:illegal_address|launch_failed|assert|illegal_instruction|misaligned_address)\\b"
            + "|(?:cuda|hip)error(?:launchfailure|assert|illegalinstruction|misalignedaddress)\\b"
            + "|hiperrorillegaladdress\\b"
            // A launch that asks for more registers or threads per block than the multiprocessor has (CUDA runtime:
            // cudaErrorLaunchOutOfResources, "too many resources requested for launch"): a kernel's configuration,
            // not memory. THC prints the runtime's invalid-value error as "error=11 : invalid argument".
            + "|too many resources requested for launch|launch_?out_?of_?resources|error=\\d+ : invalid argument"
            // A segmentation fault or an illegal instruction by its signal's name or by the shell's exit status for it
            // (128 + the signal: SIGSEGV 11 is 139, SIGILL 4 is 132), beside the "segmentation fault" and "illegal
            // instruction" above: a crash, not an allocation that failed (a memory kill is SIGKILL, 137).
            + "|\\bsig(?:segv|ill)\\b|exit(?:ed)? (?:with )?(?:code|status)[:=]? ?['\"]?13[29]\\b");
    /**
     * Memory exhaustion as runtimes word it: besides "out of memory", a qualified one ("out of buffer memory"),
     * Metal's "Insufficient Memory", MindSpore's "alloc size ... is more than total mem size", a device memory
     * allocation that failed, and the Chinese 内存/显存 不足 or 分配失败.
     */
    private static final Pattern MEMORY_WORDS = Pattern.compile("(?i)out of (?:\\w+ )?memory|\\boom\\b|outofmemory"
            + "|resource_?exhausted|insufficient (?:\\w+ )?memory|is more than total mem(?:ory)? size"
            + "|alloc(?:ation)? failed|alloc\\w* (?:device |gpu )?memory failed|memory allocation fail"
            + "|cannot allocate|killed|not enough memory|[内显]存(?:不足|分配失败)");

    /** A line of only the memory message, behind quote or list marks. */
    private static final Pattern BARE_MESSAGE = Pattern.compile("(?i)[\\s>*#`-]*(?:cuda )?out of memory[.!]?\\s*");

    /**
     * A warning line of TensorFlow's or XLA's BFC allocator (glog level W): it could not get a block and retries,
     * rematerialises or falls back; TensorFlow adds "the caller indicates that this is not a failure".
     */
    private static final Pattern ALLOCATOR_WARNING = Pattern.compile(
            "(?i)^(?:\\S+ )?(?:[\\d-]+ [\\d:.]+: )?W\\d*[ \\d:.]*\\S*bfc_allocator\\.cc:\\d+\\]"
            + "|the caller indicates that this is not a failure");
    /** What ends a run: an exception or error line, a fatal (glog F) line, a kill. */
    private static final Pattern FAILURE = Pattern.compile("(?im)traceback|\\w+(?:error|exception)\\b|^\\s*F\\d{4}"
            + "|: F \\S+\\.cc:|\\bkilled\\b|core dumped|aborted|status: resource_exhausted|check failed");
    /** An error-level (glog E) log line: TensorFlow's "E tensorflow/..." or "...: E ...", XLA's "E1127 ...". */
    private static final Pattern ERROR_LEVEL = Pattern.compile("^(?:E\\d{4} |E \\S+\\.cc:|[\\d-]+ [\\d:.]+: E )");
    /** Any glog-style log line (level letter, optional date, source file and line), program output is not one. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^(?:[\\d-]+ [\\d:.]+: )?[IWEF](?:\\d{4} [\\d:.]+)?\\s+\\S");

    private static final String WARNING_KEY = "notoom.allocator-warning";
    private static final String PLAIN_KEY = "notoom.plain-error";
    private static final String TERMINATED_KEY = "notoom.worker-terminated";
    /**
     * A DataLoader worker stopped by SIGTERM ("is killed by signal: Terminated"): a parent or a scheduler sends it
     * (the main process shutting down after its own error, a time limit, a preemption); the kernel's OOM killer
     * sends SIGKILL ("Killed"). On its own it is the echo of another failure, not a memory one.
     */
    private static final Pattern WORKER_TERMINATED = Pattern.compile(
            "(?i)worker \\(pids?[^)]*\\) (?:is |was )?killed by signal: Terminated\\.?");
    private static final String LENGTH_KEY = "notoom.context-length";
    /**
     * A request refused by a length check before anything is allocated: the prompt (or input) holds more tokens than
     * the context the server or runtime was configured with. OpenAI-compatible servers say "maximum context length
     * is N tokens", llama.cpp-based runtimes "prompt too long (N tokens, max M)" or "N tokens > n_ctx M". A KV cache
     * that cannot hold the configured length is a memory failure and says so with memory words (vLLM: "larger than
     * the maximum number of tokens that can be stored in KV cache"), which this check leaves to the rest.
     */
    private static final Pattern LENGTH_REFUSED = Pattern.compile("(?i)maximum context length is \\d+"
            + "|exceeds? (?:the )?(?:model.s )?maximum context length"
            + "|(?:prompt|input|request)s? (?:is |are |was )?(?:too long|longer than)[^\\n]{0,60}\\btokens?\\b"
            + "|\\btokens? ?> ?n_ctx\\b");
    /** Memory named anywhere else (the reporter's RAM figures, a GPU message): then the kill is left to the rest. */
    private static final Pattern ANY_MEMORY = Pattern.compile("(?i)memory|\\boom|\\bram\\b|vram|显存|内存|allocat"
            + "|exhaust|\\bshm\\b|\\bswap\\b");

    private NotOom() {}

    /** True for the reason {@link #reason} gives when the log holds allocator warnings and no failure. */
    public static boolean isWarningReason(String reason) { return ReportText.TABLE.get(WARNING_KEY).equals(reason); }

    /**
     * The start of the report's keys for this reason's root cause and verification ("PREFIX.root", "PREFIX.verify"):
     * allocator warnings, a plain error, a worker stopped by SIGTERM, or a CUDA fault.
     */
    public static String textKey(String reason) {
        if (isWarningReason(reason)) return "notoom.warning";
        if (reason.equals(ReportText.TABLE.get(LENGTH_KEY))) return "notoom.length";
        if (reason.equals(ReportText.TABLE.get(TERMINATED_KEY))) return "notoom.terminated";
        String head = ReportText.TABLE.get(PLAIN_KEY, "\u0000");
        return reason.startsWith(head.substring(0, head.indexOf('\u0000'))) ? "notoom.plain" : "notoom";
    }

    /** True when the text carries a CUDA error line that is not a memory failure. */
    public static boolean errorLine(String text) { return ERROR.matcher(text).find()
            && !MEMORY_WORDS.matcher(text).find(); }

    /** The non-memory error named, or null when the text is a memory failure or names no such error. */
    public static String reason(Evidence e) {
        if (e.trace() != null && allocatorWarningOnly(e.trace().log().text())) {
            return ReportText.TABLE.get(WARNING_KEY);
        }
        boolean allocatorMessage = e.trace() != null && e.trace().findings().stream().anyMatch(f
                -> !f.parser().equals(TraceFinding.MENTION));
        if (allocatorMessage) return null;
        String log = e.trace() == null ? "" : e.trace().log().text();
        if (workerTerminatedOnly(log + "\n" + (e.userText() == null ? "" : e.userText()))) {
            return ReportText.TABLE.get(TERMINATED_KEY);
        }
        if (lengthRefusedOnly(log + "\n" + (e.userText() == null ? "" : e.userText()))) {
            return ReportText.TABLE.get(LENGTH_KEY);
        }
        // An error named inside a negated clause ("killed without an OOM or core dumped message") is not the error.
        String error = Cues.affirmed(ERROR, log);
        if (error == null) {
            error = Cues.affirmed(ERROR, e.userText() == null ? "" : e.userText());
            if (error == null) return plainError(e, log);
        }
        if (MEMORY_WORDS.matcher(log).find() && log.length() > 0 && !error.isEmpty()
                && memoryErrorLine(log)) return null;
        return "the error is \"" + error.strip() + "\", a CUDA fault that is not an out-of-memory failure";
    }

    /** A request refused for its length in tokens, and no memory word anywhere: a limit, not memory running out. */
    static boolean lengthRefusedOnly(String text) {
        return LENGTH_REFUSED.matcher(text).find() && !MEMORY_WORDS.matcher(text).find();
    }

    /** A worker stopped by SIGTERM is the only failure and nothing else in the text speaks of memory. */
    static boolean workerTerminatedOnly(String text) {
        var m = WORKER_TERMINATED.matcher(text);
        if (!m.find()) return false;
        return !ANY_MEMORY.matcher(m.replaceAll(" ")).find();
    }

    /** A traceback ending in an error that is not about memory, with no memory word anywhere (see PlainError). */
    private static String plainError(Evidence e, String log) {
        String error = PlainError.of(log + "\n" + (e.userText() == null ? "" : e.userText()));
        return error == null ? null : ReportText.TABLE.get(PLAIN_KEY, error);
    }

    /** Memory words only on allocator warning lines, and nothing in the log says the run failed. */
    static boolean allocatorWarningOnly(String log) {
        if (FAILURE.matcher(log).find()) return false;
        boolean warned = false;
        // An error-level line ends the run unless the program printed its own output after it: XLA's scheduler logs
        // E lines and goes on (h200/jax_bfc_warning.log); TensorFlow's cuBLAS handle failure does not (tf#9077).
        boolean errorPending = false;
        for (String raw : log.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (ERROR_LEVEL.matcher(line).find()) errorPending = true;
            else if (!LOG_LINE.matcher(line).find()) errorPending = false;
            if (ALLOCATOR_WARNING.matcher(line).find()) warned = true;
            else if (MEMORY_WORDS.matcher(line).find()) return false;
        }
        return warned && !errorPending;
    }

    /**
     * A memory word on an error line, or a log line that is nothing but the memory message ("> out of memory" in
     * front of the illegal access it caused, FreeAnchor#16), means the log reports memory exhaustion; a memory
     * word in the reporter's guess does not.
     */
    private static boolean memoryErrorLine(String log) {
        for (String line : log.split("\n")) {
            if (!MEMORY_WORDS.matcher(line).find()) continue;
            if (line.matches("(?i).*(?:error|exception|fatal).*")) return true;
            if (BARE_MESSAGE.matcher(line).matches()) return true;
        }
        return false;
    }
}
