package io.oomdoc.cli;

import io.oomdoc.evidence.watch.MemoryTimeline;
import io.oomdoc.evidence.watch.Neighbour;
import io.oomdoc.evidence.watch.Sample;
import io.oomdoc.evidence.watch.WatchText;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.function.Function;

/** The memory timeline as a small terminal chart (eighth-blocks), the failing moment marked, then its verdicts. */
public final class TimelineView {
    private static final int WIDTH = 60;
    private static final int HEIGHT = 8;
    private static final String BLOCKS = " ▁▂▃▄▅▆▇█";
    private static final int LABEL = 11;

    private TimelineView() {}

    public static String text(MemoryTimeline t, Style st) {
        StringBuilder sb = new StringBuilder(st.bold(WatchText.get("view.title"))).append('\n');
        List<Sample> s = t.samples();
        boolean gpu = s.stream().anyMatch(x -> x.gpuLevel() != null);
        Function<Sample, Long> value = gpu ? Sample::gpuLevel : Sample::hostRssBytes;
        long peak = s.stream().map(value).filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0);
        if (s.isEmpty() || peak == 0) {
            sb.append(WatchText.get("view.none")).append('\n');
        } else {
            // the last sample may be the one taken after the job ended, with no GPU reading
            Long card = null;
            for (Sample x : s) if (x.cardTotalBytes() != null) card = x.cardTotalBytes();
            sb.append(gpu ? WatchText.get("view.gpu.axis", Bytes.human(peak), card == null ? ""
                    : WatchText.get("view.card", Bytes.human(card))) : WatchText.get("view.host.axis",
                    Bytes.human(peak))).append('\n');
            chart(sb, s, value, peak, t.failedAtMillis());
        }
        if (t.growthPerStepBytes() != null) sb.append(WatchText.get("view.growth",
                Bytes.human(t.growthPerStepBytes()))).append('\n');
        for (MemoryTimeline.Verdict v : t.verdicts()) sb.append("- ").append(v.evidence()).append('\n');
        if (!t.neighbours().isEmpty()) {
            sb.append(WatchText.get("view.neighbours")).append('\n');
            for (Neighbour n : t.neighbours()) sb.append(WatchText.get("view.neighbour", n.pid(), n.name() == null
                    ? "" : " " + n.name(), Bytes.human(n.usedBytes()), n.gpuIndex(), n.presentAtStart() ? ""
                    : WatchText.get("view.neighbour.new", n.firstSeenStep() == null ? "?" : n.firstSeenStep())))
                    .append('\n');
        }
        if (t.gpuNote() != null) sb.append(WatchText.get("view.note", t.gpuNote())).append('\n');
        return sb.toString();
    }

    private static void chart(StringBuilder sb, List<Sample> s, Function<Sample, Long> value, long peak,
                              long failedAt) {
        long t0 = s.get(0).atMillis(), t1 = Math.max(s.get(s.size() - 1).atMillis(), failedAt);
        int cols = Math.min(WIDTH, Math.max(1, s.size()));
        long[] col = new long[cols];
        boolean[] seen = new boolean[cols];
        for (Sample x : s) {
            Long v = value.apply(x);
            if (v == null) continue;
            int c = column(x.atMillis(), t0, t1, cols);
            col[c] = Math.max(col[c], v);
            seen[c] = true;
        }
        for (int c = 1; c < cols; c++) if (!seen[c]) col[c] = col[c - 1]; // no sample in that slice: hold the level
        for (int row = HEIGHT - 1; row >= 0; row--) {
            String label = row == HEIGHT - 1 ? Bytes.human(peak) : row == 0 ? "0" : "";
            sb.append(String.format("%" + LABEL + "s %s", label, label.isEmpty() ? "│" : "┤"));
            for (long v : col) {
                double eighths = v * 8.0 * HEIGHT / peak - row * 8.0;
                int k = (int) Math.max(0, Math.min(8, Math.round(eighths)));
                sb.append(BLOCKS.charAt(k));
            }
            sb.append('\n');
        }
        int fail = column(failedAt, t0, t1, cols);
        sb.append(" ".repeat(LABEL)).append(" └").append("─".repeat(fail)).append('✖')
                .append("─".repeat(Math.max(0, cols - fail - 1))).append('\n');
        Integer first = null, last = null;
        for (Sample x : s) if (x.step() != null) { if (first == null) first = x.step(); last = x.step(); }
        String span = seconds(t1 - t0);
        sb.append(" ".repeat(LABEL + 2)).append(first == null ? span : WatchText.get("view.steps", first, last, span))
                .append('\n');
    }

    private static int column(long at, long t0, long t1, int cols) {
        if (t1 <= t0) return cols - 1;
        return (int) Math.min(cols - 1, Math.max(0, (at - t0) * (cols - 1) / (t1 - t0)));
    }

    private static String seconds(long ms) {
        long s = ms / 1000;
        return s >= 60 ? (s / 60) + "m " + String.format("%02ds", s % 60) : String.format("%.1fs", ms / 1000.0);
    }
}
