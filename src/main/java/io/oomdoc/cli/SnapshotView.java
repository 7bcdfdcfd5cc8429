package io.oomdoc.cli;

import io.oomdoc.evidence.snapshot.SnapshotReport;
import io.oomdoc.util.Bytes;

/** Text view of a snapshot: state at the dump, fragmentation, who holds memory, and a timeline of allocated memory. */
public final class SnapshotView {
    private static final String LEVELS = " ▁▂▃▄▅▆▇█";

    private SnapshotView() {}

    public static String text(SnapshotReport r, Style st) {
        StringBuilder sb = new StringBuilder();
        sb.append(st.bold("snapshot")).append(String.format(": %d device(s), %d segments, %d blocks, %d history "
                + "events%n", r.devices(), r.segments(), r.blocks(), r.traceEvents()));
        sb.append("  reserved ").append(Bytes.human(r.reservedBytes()))
                .append(", allocated ").append(Bytes.human(r.allocatedBytes()))
                .append(", free in cache ").append(Bytes.human(r.totalFreeBytes()))
                .append(" (largest block ").append(Bytes.human(r.largestFreeBlockBytes()))
                .append(String.format(", fragmentation %.0f%%)%n", r.fragmentation() * 100));
        if (r.peakAllocatedBytes() != null) sb.append("  peak allocated during the recording: ")
                .append(st.bold(Bytes.human(r.peakAllocatedBytes()))).append('\n');
        if (r.oomEventIndex() != null) {
            String asking = r.oomRequestedBytes() == null ? ""
                    : CliText.get("snapshot.oom.asking", Bytes.human(r.oomRequestedBytes()));
            sb.append("  ").append(st.red(CliText.get("snapshot.oom.event", r.oomEventIndex()) + asking)).append('\n');
        }
        if (!r.buckets().isEmpty()) {
            sb.append('\n').append(st.bold("live memory by kind")).append('\n');
            for (var b : r.buckets()) sb.append(String.format("  %-16s %12s%n", b.name(), Bytes.human(b.bytes())));
        }
        if (!r.topHolders().isEmpty()) {
            sb.append('\n').append(st.bold("top holders (your frames)")).append('\n');
            for (var h : r.topHolders()) sb.append(String.format("  %12s  %5d blocks  %s%n", Bytes.human(h.bytes()),
                    h.blocks(), h.frame()));
        }
        if (!r.timeline().isEmpty()) {
            long max = r.timeline().stream().mapToLong(Long::longValue).max().orElse(1);
            StringBuilder line = new StringBuilder();
            int oomCol = r.oomEventIndex() == null || r.traceEvents() == 0 ? -1
                    : (int) ((long) r.oomEventIndex() * r.timeline().size() / r.traceEvents());
            for (int i = 0; i < r.timeline().size(); i++) {
                if (i == oomCol) { line.append(st.red("!")); continue; }
                int lvl = max == 0 ? 0 : (int) Math.round(8.0 * r.timeline().get(i) / max);
                line.append(LEVELS.charAt(lvl));
            }
            sb.append('\n').append(st.bold("allocated over time")).append(" (max ").append(Bytes.human(max))
                    .append(r.oomEventIndex() != null ? ", ! = the failing allocation" : "").append(")\n");
            sb.append("  |").append(line).append("|\n");
        }
        r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        return sb.toString();
    }
}
