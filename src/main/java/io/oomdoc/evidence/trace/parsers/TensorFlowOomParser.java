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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TensorFlow "OOM when allocating tensor with shape[...] and type float on /device:GPU:0 by allocator GPU_0_bfc". */
public final class TensorFlowOomParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile("OOM when allocating tensor");
    private static final Pattern SHAPE = Pattern.compile("shape\\s*\\[([\\d,\\s]*)\\]\\s*(?:and type\\s+(\\w+))?");
    private static final Pattern DEVICE = Pattern.compile("device:GPU:(\\d+)");
    private static final Map<String, Integer> DTYPE_BYTES = Map.of("float", 4, "double", 8, "half", 2, "bfloat16", 2,
            "int32", 4, "int64", 8, "int8", 1, "uint8", 1, "bool", 1, "float16", 2);

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 3);
            OomNumbers.Builder b = new OomNumbers.Builder();
            List<String> notes = new ArrayList<>();
            Matcher s = SHAPE.matcher(msg);
            if (s.find() && !s.group(1).isBlank()) {
                long elems = 1;
                boolean readable = true;
                for (String d : s.group(1).split(",")) {
                    Long dim = Num.toLong(d.strip());
                    if (dim == null) { readable = false; break; }
                    try { elems = Math.multiplyExact(elems,
                            dim); } catch (ArithmeticException e) { readable = false; break; }
                }
                String dtype = s.group(2) == null ? "float" : s.group(2);
                if (readable) b.tried = elems * DTYPE_BYTES.getOrDefault(dtype, 4);
                notes.add(TraceText.get("tf.shape", s.group(1).strip(), dtype));
            }
            Matcher d = DEVICE.matcher(msg);
            if (d.find()) b.gpu = Num.toInt(d.group(1));
            if (BfcStats.fill(b, log.text())) notes.add(TraceText.get("bfc.limit"));
            out.add(new TraceFinding("tensorflow", FailureKind.VRAM_OOM, "tensorflow", Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), notes));
        }
        return out;
    }
}
