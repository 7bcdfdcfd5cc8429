package io.oomdoc.cli;

import io.oomdoc.evidence.snapshot.SnapshotReport;
import io.oomdoc.util.Bytes;

/** Text view of a snapshot: state at the dump, fragmentation, who holds memory, and a timeline of allocated memory. */
public final class SnapshotView {
    private static final String LEVELS = " ▁▂▃▄▅▆▇█";

    private SnapshotView() {}

    public static String text(SnapshotReport r, Style st) {
        StringBuilder sb = new StringBuilder();
        state(r, st, sb);
        if (!r.buckets().isEmpty()) {
            sb.append('\n').append(st.bold(CliText.get("snapshot.kinds"))).append('\n');
            for (var b : r.buckets()) sb.append(String.format("  %-16s %12s%n", b.name(), Bytes.human(b.bytes())));
        }
        if (!r.topHolders().isEmpty()) {
            sb.append('\n').append(st.bold(CliText.get("snapshot.holders"))).append('\n');
            for (var h : r.topHolders()) sb.append(String.format("  %12s  %5d blocks  %s%n", Bytes.human(h.bytes()),
                    h.blocks(), h.frame()));
        }
        if (!r.timeline().isEmpty()) timeline(r, st, sb);
        r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        return sb.toString();
    }

    /** The state at the dump: what the allocator reserved, holds and keeps free, the peak, the failing request. */
    private static void state(SnapshotReport r, Style st, StringBuilder sb) {
        sb.append(st.bold("snapshot")).append(String.format(": %d device(s), %d segments, %d blocks, %d history "
                + "events%n", r.devices(), r.segments(), r.blocks(), r.traceEvents()));
        sb.append(CliText.get("snapshot.state", Bytes.human(r.reservedBytes()), Bytes.human(r.allocatedBytes()),
                Bytes.human(r.totalFreeBytes()), Bytes.human(r.largestFreeBlockBytes()), r.fragmentation() * 100))
                .append(String.format("%n"));
        if (r.peakAllocatedBytes() != null) sb.append(CliText.get("snapshot.peak"))
                .append(st.bold(Bytes.human(r.peakAllocatedBytes()))).append('\n');
        if (r.oomEventIndex() != null) {
            String asking = r.oomRequestedBytes() == null ? ""
                    : CliText.get("snapshot.oom.asking", Bytes.human(r.oomRequestedBytes()));
            sb.append("  ").append(st.red(CliText.get("snapshot.oom.event", r.oomEventIndex()) + asking)).append('\n');
        }
    }

    /** Allocated memory over the recorded history as a one-line bar chart, the failing allocation marked "!". */
    private static void timeline(SnapshotReport r, Style st, StringBuilder sb) {
        long max = r.timeline().stream().mapToLong(Long::longValue).max().orElse(1);
        StringBuilder line = new StringBuilder();
        int oomCol = r.oomEventIndex() == null || r.traceEvents() == 0 ? -1
                : (int) ((long) r.oomEventIndex() * r.timeline().size() / r.traceEvents());
        for (int i = 0; i < r.timeline().size(); i++) {
            if (i == oomCol) { line.append(st.red("!")); continue; }
            int lvl = max == 0 ? 0 : (int) Math.round(8.0 * r.timeline().get(i) / max);
            line.append(LEVELS.charAt(lvl));
        }
        sb.append('\n').append(st.bold(CliText.get("snapshot.timeline"))).append(" (max ").append(Bytes.human(max))
                .append(r.oomEventIndex() != null ? CliText.get("snapshot.timeline.oom") : "").append(")\n");
        sb.append("  |").append(line).append("|\n");
    }
}
