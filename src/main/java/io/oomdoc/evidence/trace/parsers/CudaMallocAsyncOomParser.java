package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.evidence.trace.TraceText;
import io.oomdoc.util.Num;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyTorch's message when the cudaMallocAsync backend (PYTORCH_CUDA_ALLOC_CONF=backend:cudaMallocAsync) or a memory
 * fraction refuses an allocation: "Allocation on device 0 would exceed allowed memory. (out of memory)" followed by
 * Currently allocated / Requested / Device limit / Free (according to CUDA). TGI quotes it with escaped newlines.
 */
public final class CudaMallocAsyncOomParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile("Allocation on device \\d+ would exceed allowed memory");
    private static final Pattern DEVICE = Pattern.compile("Allocation on device (\\d+)");
    private static final Pattern ALLOCATED = Messages.sized("Currently allocated\\s*:\\s*SIZE");
    private static final Pattern REQUESTED = Messages.sized("Requested\\s*:\\s*SIZE");
    private static final Pattern LIMIT = Messages.sized("Device limit\\s*:\\s*SIZE");
    private static final Pattern FREE = Messages.sized("Free \\(according to CUDA\\)\\s*:\\s*SIZE");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 8).replace("\\n", "\n");
            OomNumbers.Builder b = new OomNumbers.Builder();
            Matcher d = DEVICE.matcher(msg);
            if (d.find()) b.gpu = Num.toInt(d.group(1));
            b.allocated = Messages.size(msg, ALLOCATED);
            b.tried = Messages.size(msg, REQUESTED);
            b.total = Messages.size(msg, LIMIT);
            b.free = Messages.size(msg, FREE);
            List<String> notes = List.of(TraceText.get("async.limit"));
            out.add(new TraceFinding("pytorch-async", FailureKind.VRAM_OOM, "pytorch", Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), notes));
        }
        return out;
    }
}
