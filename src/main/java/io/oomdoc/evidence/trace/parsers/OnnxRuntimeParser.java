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

/** ONNX Runtime's arena: "Failed to allocate memory for requested buffer of size N". */
public final class OnnxRuntimeParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile("Failed to allocate memory for requested buffer of size "
            + "(\\d+)", Pattern.CASE_INSENSITIVE);

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 2);
            Matcher m = MARKER.matcher(msg);
            OomNumbers.Builder b = new OomNumbers.Builder();
            if (m.find()) b.tried = Num.toLong(m.group(1));
            out.add(new TraceFinding("onnxruntime", FailureKind.VRAM_OOM, "onnxruntime", Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), List.of(TraceText.get("onnx.arena"))));
        }
        return out;
    }
}
