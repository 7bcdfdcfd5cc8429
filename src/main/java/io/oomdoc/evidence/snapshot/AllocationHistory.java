package io.oomdoc.evidence.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The allocation history replayed: the peak, the first out-of-memory event and a timeline of the allocated bytes. */
record AllocationHistory(boolean recorded, Long peak, Integer peakAt, Integer oomAt, Long oomSize, int events,
                         List<Long> timeline) {
    private static final int TIMELINE_COLUMNS = 64;

    /** The first device's trace that has events, replayed from what was live before recording began. */
    static AllocationHistory replay(Object deviceTraces, long allocatedAtDump) {
        if (!(deviceTraces instanceof List<?> perDevice) || perDevice.isEmpty()) {
            return new AllocationHistory(false, null, null, null, null, 0, List.of());
        }
        List<?> trace = perDevice.stream().filter(t -> t instanceof List<?> l && !l.isEmpty()).map(t
                -> (List<?>) t).findFirst().orElse(List.of());
        // What was live before recording began: allocated at the dump minus the net of the trace.
        long net = 0;
        for (Object eo : trace) if (eo instanceof Map<?, ?> ev) net += delta(ev);
        long cur = Math.max(0, allocatedAtDump - net);
        long max = cur;
        int maxAt = -1;
        Integer oomAt = null;
        Long oomSize = null;
        long[] series = new long[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i) instanceof Map<?, ?> ev) {
                cur += delta(ev);
                if ("oom".equals(String.valueOf(ev.get("action"))) && oomAt == null) {
                    oomAt = i;
                    oomSize = SnapshotReader.num(ev.get("size"));
                }
            }
            series[i] = cur;
            if (cur > max) { max = cur; maxAt = i; }
        }
        return new AllocationHistory(true, max, maxAt < 0 ? null : maxAt, oomAt, oomSize, trace.size(),
                timeline(series));
    }

    /** The series in at most TIMELINE_COLUMNS columns, each the largest value of its stretch. */
    private static List<Long> timeline(long[] series) {
        List<Long> timeline = new ArrayList<>();
        int cols = Math.min(TIMELINE_COLUMNS, series.length);
        for (int c = 0; c < cols; c++) {
            int from = (int) ((long) c * series.length / cols), to = (int) ((long) (c + 1) * series.length / cols);
            long m = 0;
            for (int k = from; k < Math.max(from + 1, to); k++) m = Math.max(m, series[k]);
            timeline.add(m);
        }
        return timeline;
    }

    private static long delta(Map<?, ?> ev) {
        long sz = SnapshotReader.num(ev.get("size"));
        return switch (String.valueOf(ev.get("action"))) {
            case "alloc" -> sz;
            case "free_completed" -> -sz;
            default -> 0;
        };
    }
}
