package io.oomdoc.evidence.snapshot;

import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a `torch.cuda.memory._dump_snapshot` pickle. The pickle reader builds only plain maps and lists
 * (unknown classes become inert dictionaries); nothing in the file is ever executed.
 */
public final class SnapshotReader {
    public static final long MAX_BYTES = 768L * 1024 * 1024;
    private static final int TIMELINE_COLUMNS = 64;

    /** A file that is not a readable snapshot. */
    public static final class NotASnapshot extends IOException {
        public NotASnapshot(String m) { super(m); }
    }

    public SnapshotReport read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new NotASnapshot("the snapshot is " + size / (1 << 20) + " MiB, above the "
                + MAX_BYTES / (1 << 20)
                + " MiB this reader accepts; record it again with a smaller _record_memory_history(max_entries=...)");
        try (InputStream in = Files.newInputStream(file)) {
            if (in.read() != 0x80) throw new NotASnapshot("not a pickle (a snapshot pickle starts with protocol byte "
                    + "0x80)");
        }
        Object root;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            root = new Unpickler().load(in);
        } catch (PickleException e) {
            throw new NotASnapshot("the pickle could not be read (" + e.getMessage() + "); is it truncated?");
        } catch (OutOfMemoryError e) {
            throw new NotASnapshot("the snapshot does not fit in memory; record fewer entries");
        } catch (RuntimeException e) {
            throw new NotASnapshot("the pickle could not be read: " + e);
        } catch (IOException e) {
            throw new NotASnapshot("the file ended early or could not be read (" + e.getMessage() + "): a truncated "
                    + "snapshot?");
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("segments") instanceof List<?>)) {
            throw new NotASnapshot("this pickle is not a torch.cuda.memory snapshot (no 'segments' list); make one "
                    + "with torch.cuda.memory._dump_snapshot()");
        }
        return analyse(map);
    }

    @SuppressWarnings("unchecked")
    static SnapshotReport analyse(Map<?, ?> root) {
        List<String> notes = new ArrayList<>();
        List<?> segments = (List<?>) root.get("segments");
        long reserved = 0, allocated = 0, active = 0, largestFree = 0, totalFree = 0;
        int blocks = 0;
        java.util.Set<Object> devices = new java.util.HashSet<>();
        Map<String, long[]> holders = new HashMap<>();
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (String b : new String[]{"parameters", "gradients", "optimizer state", "activations", "temporaries",
                "unknown"}) buckets.put(b, 0L);
        for (Object so : segments) {
            if (!(so instanceof Map<?, ?> seg)) continue;
            devices.add(seg.get("device"));
            reserved += num(seg.get("total_size"));
            Object bl = seg.get("blocks");
            if (!(bl instanceof List<?> list)) continue;
            for (Object bo : list) {
                if (!(bo instanceof Map<?, ?> block)) continue;
                blocks++;
                long sz = num(block.get("size"));
                String state = String.valueOf(block.get("state"));
                if (state.startsWith("active")) {
                    active += sz;
                    if (state.equals("active_allocated")) allocated += sz;
                    List<?> frames = block.get("frames") instanceof List<?> f ? f : List.of();
                    String user = userFrame(frames);
                    long[] h = holders.computeIfAbsent(user, k -> new long[2]);
                    h[0] += sz;
                    h[1]++;
                    String bucket = bucket(frames);
                    buckets.merge(bucket, sz, Long::sum);
                } else {
                    totalFree += sz;
                    largestFree = Math.max(largestFree, sz);
                }
            }
        }
        double frag = totalFree == 0 ? 0 : 1.0 - largestFree / (double) totalFree;
        List<SnapshotReport.Holder> top = holders.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(10)
                .map(e -> new SnapshotReport.Holder(e.getKey(), e.getValue()[0], (int) e.getValue()[1])).toList();
        List<SnapshotReport.Bucket> bk = buckets.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new SnapshotReport.Bucket(e.getKey(), e.getValue())).toList();

        // Replay the allocation history for the peak and a timeline.
        Long peak = null;
        Integer peakAt = null, oomAt = null;
        Long oomSize = null;
        List<Long> timeline = new ArrayList<>();
        int events = 0;
        Object traces = root.get("device_traces");
        if (traces instanceof List<?> perDevice && !perDevice.isEmpty()) {
            List<?> trace = perDevice.stream().filter(t -> t instanceof List<?> l && !l.isEmpty()).map(t
                    -> (List<?>) t).findFirst().orElse(List.of());
            events = trace.size();
            // Start from what was live before recording began: allocated now minus the net of the trace.
            long net = 0;
            for (Object eo : trace) if (eo instanceof Map<?, ?> ev) net += delta(ev);
            long cur = Math.max(0, allocated - net);
            long max = cur;
            int maxAt = -1;
            long[] series = new long[trace.size()];
            for (int i = 0; i < trace.size(); i++) {
                if (trace.get(i) instanceof Map<?, ?> ev) {
                    cur += delta(ev);
                    if ("oom".equals(String.valueOf(ev.get("action")))
                            && oomAt == null) { oomAt = i; oomSize = num(ev.get("size")); }
                }
                series[i] = cur;
                if (cur > max) { max = cur; maxAt = i; }
            }
            peak = max;
            peakAt = maxAt < 0 ? null : maxAt;
            if (series.length > 0) {
                int cols = Math.min(TIMELINE_COLUMNS, series.length);
                for (int c = 0; c < cols; c++) {
                    int from = (int) ((long) c * series.length / cols), to = (int) ((long) (c
                            + 1) * series.length / cols);
                    long m = 0;
                    for (int k = from; k < Math.max(from + 1, to); k++) m = Math.max(m, series[k]);
                    timeline.add(m);
                }
            }
        } else {
            notes.add("no allocation history in this snapshot (record with torch.cuda.memory._record_memory_history "
                    + "before the steps)");
        }
        if (frag > 0.5 && totalFree > (64L << 20)) notes.add(String.format(Locale.ROOT, "fragmented: the largest "
                + "free block is %.0f%% of the free cached memory", 100 * (1 - frag)));
        if (oomAt != null) notes.add("the history contains an out-of-memory event at event " + oomAt);
        return new SnapshotReport(devices.size(), segments.size(), blocks, reserved, allocated, active, largestFree,
                totalFree,
                Math.round(frag * 1000) / 1000.0, peak, peakAt, oomAt, oomSize, events, top, bk, timeline, notes);
    }

    private static long delta(Map<?, ?> ev) {
        String a = String.valueOf(ev.get("action"));
        long sz = num(ev.get("size"));
        return switch (a) {
            case "alloc" -> sz;
            case "free_completed" -> -sz;
            default -> 0;
        };
    }

    static long num(Object o) {
        if (o instanceof Number n) return n.longValue();
        return 0;
    }

    private static boolean library(String file) {
        String f = file.replace('\\', '/');
        return f.contains("site-packages/") || f.contains("dist-packages/") || f.contains("/torch/")
                || f.startsWith("<")
                || f.isEmpty() || f.equals("??") || f.contains("/lib/python");
    }

    // Compiled once: bucket() and nativeFrame() run for every frame of every block of a snapshot.
    private static final Pattern NATIVE_SOURCE = Pattern.compile("\\.(cpp|cc|cxx|cu|cuh|h|hpp|c)$");
    private static final Pattern OPTIMIZER = Pattern.compile("\\b(_init_group|_single_tensor_adamw?"
            + "|_multi_tensor_adamw?|_fused_adamw?|zero_grad|step)\\b");
    private static final Pattern GRADIENTS = Pattern.compile("\\b(backward|_engine_run_backward|run_backward|grad)\\b");
    private static final Pattern PARAMETERS = Pattern.compile(
            "\\b(load_state_dict|_apply|to|cuda|from_pretrained|__init__|reset_parameters)\\b");
    private static final Pattern ACTIVATIONS = Pattern.compile("\\b(forward|_call_impl|_wrapped_call_impl)\\b");

    /**
     * A C++ frame, recorded when the history was taken with context "all" (the default since torch 2.1 when
     * stacks="all"): the allocator's own functions (memory_snapshot.cpp, CUDACachingAllocator.cpp, "??") sit on top of
     * every stack, so they must not count as the user's frame nor as a hint of what the memory is.
     */
    static boolean nativeFrame(Map<?, ?> f) {
        String file = String.valueOf(f.get("filename"));
        return num(f.get("line")) == 0 && !file.endsWith(".py")
                || NATIVE_SOURCE.matcher(file).find();
    }

    static String userFrame(List<?> frames) {
        for (Object fo : frames) {
            if (fo instanceof Map<?, ?> f && !nativeFrame(f)) {
                String file = String.valueOf(f.get("filename"));
                if (!library(file)) return file + ":" + num(f.get("line")) + " in " + f.get("name");
            }
        }
        return frames.isEmpty() ? "(no stack recorded)" : "(library code only)";
    }

    /** The memory category a block belongs to, read from the functions on its stack. */
    static String bucket(List<?> frames) {
        StringBuilder names = new StringBuilder();
        for (Object fo : frames) {
            if (fo instanceof Map<?, ?> f && !nativeFrame(f)) {
                names.append(' ').append(f.get("name")).append(' ').append(f.get("filename"));
            }
        }
        String s = names.toString();
        if (OPTIMIZER.matcher(s).find() && s.contains("optim")) return "optimizer state";
        if (GRADIENTS.matcher(s).find()) return "gradients";
        if (PARAMETERS.matcher(s).find()
                && !s.contains(" forward ")) return "parameters";
        if (ACTIVATIONS.matcher(s).find()) return "activations";
        if (frames.isEmpty()) return "unknown";
        return "temporaries";
    }
}
