package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.util.Bytes;
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

/** JAX/XLA "RESOURCE_EXHAUSTED: Out of memory while trying to allocate N bytes" and its BFC allocator dump. */
public final class JaxXlaParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile("RESOURCE_EXHAUSTED|XlaRuntimeError.*(?:out of memory|OOM)"
            // the older XLA client spelling: "Resource exhausted: Out of memory while trying to allocate N bytes"
            + "|Resource exhausted: Out(?: of memory)?\\s*$|Resource exhausted: Out of memory while"
            // PJRT's own phrase, read alone because a pasted log may break the status name across two lines
            + "|Failed to allocate request for",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIED = Pattern.compile("(?:trying to )?allocat\\w*\\s+(\\d+)\\s*bytes",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIED_SIZE = Messages.sized("trying to allocate\\s+SIZE");
    /** PJRT's "Failed to allocate request for 176.00MiB (184549376B) on device ordinal 0": the bytes are exact. */
    private static final Pattern REQUEST_BYTES = Pattern.compile("allocate request for\\s+\\S+\\s+\\((\\d+)B\\)",
            Pattern.CASE_INSENSITIVE);
    /**
     * XLA:TPU's compile-time refusal, "Used 215.17G of 31.25G hbm. Exceeded hbm capacity by 183.92G"
     * (EnzymeAD/Enzyme-JAX#2422): the second figure is the chip's memory, in binary units whatever the "G".
     */
    private static final Pattern HBM_CAPACITY = Pattern.compile(
            "Used\\s+[\\d.]+[KMGT]\\s+of\\s+(\\d+(?:\\.\\d+)?)([KMGT])\\s+hbm", Pattern.CASE_INSENSITIVE);
    /** "device:GPU:0", "GPU 0" and PJRT's "on device ordinal 0" (ecmwf-lab/ai-models-graphcast#18). */
    private static final Pattern DEVICE = Pattern.compile("(?:device(?: ordinal)?|GPU|gpu:)\\s*:?\\s*(\\d+)");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        String all = null;
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 4);
            if (!msg.toLowerCase().contains("memory") && !msg.toLowerCase().contains("allocat")) continue;
            OomNumbers.Builder b = new OomNumbers.Builder();
            Matcher m = TRIED.matcher(msg);
            Matcher request = REQUEST_BYTES.matcher(msg);
            if (m.find()) b.tried = Num.toLong(m.group(1));
            else if (request.find()) b.tried = Num.toLong(request.group(1));
            else b.tried = Messages.size(msg, TRIED_SIZE);
            if (all == null) all = log.text();
            BfcStats.fill(b, all);
            Matcher hbm = HBM_CAPACITY.matcher(msg);
            if (hbm.find()) b.total = Bytes.parse(hbm.group(1), hbm.group(2) + "iB");
            Matcher d = DEVICE.matcher(msg);
            if (d.find() && msg.toLowerCase().contains("device")) b.gpu = Num.toInt(d.group(1));
            List<String> notes = new ArrayList<>();
            if (b.total != null) notes.add(TraceText.get("bfc.limit"));
            boolean tf = msg.contains("tensorflow") || all.contains("tensorflow");
            out.add(new TraceFinding("jax-xla", FailureKind.VRAM_OOM, tf ? "tensorflow" : "jax", Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), notes));
        }
        return out;
    }
}
