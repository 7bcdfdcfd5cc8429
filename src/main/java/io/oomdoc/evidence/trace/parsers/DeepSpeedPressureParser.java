package io.oomdoc.evidence.trace.parsers;

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
 * DeepSpeed ZeRO-3's warning that the allocator had to flush its cache during a step: memory pressure just
 * short of an OOM (the run is about to fail or is thrashing).
 */
public final class DeepSpeedPressureParser implements TraceParser {
    /** The name its findings carry; the trace analyser ranks them below the failure itself. */
    public static final String NAME = "deepspeed-pressure";

    private static final Pattern MARKER = Pattern.compile("(\\d+) pytorch allocator cache flushes since last step");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 2);
            Matcher m = MARKER.matcher(msg);
            String n = m.find() ? m.group(1) : "some";
            out.add(new TraceFinding(NAME, FailureKind.VRAM_OOM, "deepspeed", Messages.clip(msg),
                    log.lines().get(i).number(),
                    OomNumbers.NONE, List.of(TraceText.get("deepspeed.flushes", n))));
        }
        return out;
    }
}
