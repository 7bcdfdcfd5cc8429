package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.util.Num;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.evidence.trace.TraceText;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pasted allocator state rather than a failure: the table of torch.cuda.memory_summary() and the dict of
 * torch.cuda.memory_stats(). They give allocated, reserved and peak figures and the non-releasable
 * (fragmented) memory.
 */
public final class MemoryStatsParser implements TraceParser {
    private static final Pattern SUMMARY = Pattern.compile("PyTorch CUDA memory summary");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(Allocated memory|Active memory|Requested memory|GPU "
            + "reserved memory|Non-releasable memory)\\s*\\|\\s*"
            + Bytes.SIZE + "\\s*\\|\\s*" + Bytes.SIZE);
    private static final Pattern OOMS = Pattern.compile("CUDA OOMs:\\s*(\\d+)\\s*\\|\\s*cudaMalloc retries:\\s*(\\d+)");
    private static final Pattern DEVICE = Pattern.compile("device ID:?\\s*(\\d+)");
    private static final Pattern STAT = Pattern.compile("['\"]((?:allocated|reserved|active|inactive_split"
            + "|requested)_bytes\\.all\\.(?:current|peak))['\"]\\s*:\\s*(\\d+)");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        List<LogText.Line> lines = log.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (SUMMARY.matcher(lines.get(i).text()).find()) out.add(summaryTable(lines, i));
        }
        // a stats dict is read only where no summary table was
        if (out.isEmpty()) statsDict(log).ifPresent(out::add);
        return out;
    }

    /** The memory_summary() table that starts at line i: its current figures, peaks and OOM count. */
    private static TraceFinding summaryTable(List<LogText.Line> lines, int i) {
        String t = lines.get(i).text();
        OomNumbers.Builder b = new OomNumbers.Builder();
        List<String> notes = new ArrayList<>();
        notes.add(TraceText.get("summary.table"));
        for (int k = i; k < Math.min(lines.size(), i + 60); k++) {
            String row = lines.get(k).text();
            Matcher oc = OOMS.matcher(row);
            if (oc.find() && !oc.group(1).equals("0")) {
                notes.add(TraceText.get("summary.ooms", oc.group(1), oc.group(2)));
            }
            Matcher d = DEVICE.matcher(row);
            if (d.find() && b.gpu == null) b.gpu = Num.toInt(d.group(1));
            Matcher m = ROW.matcher(row);
            if (!m.find()) continue;
            long cur = Bytes.parse(m.group(2), m.group(3)), peak = Bytes.parse(m.group(4), m.group(5));
            switch (m.group(1)) {
                case "Allocated memory" -> {
                    b.allocated = cur;
                    notes.add(TraceText.get("peak.allocated", Bytes.human(peak)));
                }
                case "GPU reserved memory" -> {
                    b.reserved = cur;
                    notes.add(TraceText.get("peak.reserved", Bytes.human(peak)));
                }
                case "Non-releasable memory" -> {
                    b.reservedUnallocated = cur;
                    notes.add(TraceText.get("non.releasable", Bytes.human(cur)));
                }
                default -> { }
            }
        }
        return new TraceFinding("memory-summary", FailureKind.VRAM_OOM, "pytorch", t.strip(),
                lines.get(i).number(), b.build(), notes);
    }

    /** The memory_stats() dict's current figures and peaks, anywhere in the text; empty when it has none. */
    private static Optional<TraceFinding> statsDict(LogText log) {
        List<LogText.Line> lines = log.lines();
        Matcher s = STAT.matcher(log.text());
        OomNumbers.Builder b = new OomNumbers.Builder();
        boolean any = false;
        List<String> notes = new ArrayList<>(
                List.of(TraceText.get("stats.values")));
        while (s.find()) {
            any = true;
            Long boxed = Num.toLong(s.group(2));
            if (boxed == null) continue;
            long v = boxed;
            switch (s.group(1)) {
                case "allocated_bytes.all.current" -> b.allocated = v;
                case "reserved_bytes.all.current" -> b.reserved = v;
                case "inactive_split_bytes.all.current" -> b.reservedUnallocated = v;
                case "allocated_bytes.all.peak" -> notes.add(TraceText.get("peak.allocated", Bytes.human(v)));
                case "reserved_bytes.all.peak" -> notes.add(TraceText.get("peak.reserved", Bytes.human(v)));
                default -> { }
            }
        }
        if (!any) return Optional.empty();
        int first = 0;
        for (int i = 0; i < lines.size(); i++) if (STAT.matcher(lines.get(i).text()).find()) { first = i; break; }
        return Optional.of(new TraceFinding("memory-stats", FailureKind.VRAM_OOM, "pytorch", "memory_stats()",
                lines.isEmpty() ? 1 : lines.get(first).number(), b.build(), notes));
    }
}
