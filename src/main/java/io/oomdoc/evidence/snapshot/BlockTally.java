package io.oomdoc.evidence.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state at the dump: every segment's blocks summed by state, by the user's frame and by memory category. */
final class BlockTally {
    private static final int TOP_HOLDERS = 10;

    long reserved, allocated, active, largestFree, totalFree;
    int blocks;
    final Set<Object> devices = new HashSet<>();
    private final Map<String, long[]> holders = new HashMap<>();
    private final Map<String, Long> buckets = new LinkedHashMap<>();

    private BlockTally() {
        // the report lists the categories in this order
        for (String b : new String[]{"parameters", "gradients", "optimizer state", "activations", "temporaries",
                "unknown"}) buckets.put(b, 0L);
    }

    static BlockTally of(List<?> segments) {
        BlockTally t = new BlockTally();
        for (Object so : segments) {
            if (!(so instanceof Map<?, ?> seg)) continue;
            t.devices.add(seg.get("device"));
            t.reserved += SnapshotReader.num(seg.get("total_size"));
            if (!(seg.get("blocks") instanceof List<?> list)) continue;
            for (Object bo : list) if (bo instanceof Map<?, ?> block) t.add(block);
        }
        return t;
    }

    private void add(Map<?, ?> block) {
        blocks++;
        long sz = SnapshotReader.num(block.get("size"));
        String state = String.valueOf(block.get("state"));
        if (!state.startsWith("active")) {
            totalFree += sz;
            largestFree = Math.max(largestFree, sz);
            return;
        }
        active += sz;
        if (state.equals("active_allocated")) allocated += sz;
        List<?> frames = block.get("frames") instanceof List<?> f ? f : List.of();
        long[] h = holders.computeIfAbsent(SnapshotReader.userFrame(frames), k -> new long[2]);
        h[0] += sz;
        h[1]++;
        buckets.merge(SnapshotReader.bucket(frames), sz, Long::sum);
    }

    /** 1 - largest free block / all free cached memory: 0 when the free memory is one block. */
    double fragmentation() { return totalFree == 0 ? 0 : 1.0 - largestFree / (double) totalFree; }

    List<SnapshotReport.Holder> topHolders() {
        return holders.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(TOP_HOLDERS)
                .map(e -> new SnapshotReport.Holder(e.getKey(), e.getValue()[0], (int) e.getValue()[1])).toList();
    }

    List<SnapshotReport.Bucket> buckets() {
        return buckets.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new SnapshotReport.Bucket(e.getKey(), e.getValue())).toList();
    }
}
