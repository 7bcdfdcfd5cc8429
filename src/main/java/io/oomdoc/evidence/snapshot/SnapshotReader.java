package io.oomdoc.evidence.snapshot;

import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a `torch.cuda.memory._dump_snapshot` pickle. The pickle reader builds only plain maps and lists
 * (unknown classes become inert dictionaries); nothing in the file is ever executed.
 */
public final class SnapshotReader {
    public static final long MAX_BYTES = 768L * 1024 * 1024;

    /** A file that is not a readable snapshot. */
    public static final class NotASnapshot extends IOException {
        public NotASnapshot(String m) { super(m); }
    }

    public SnapshotReport read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw refused("refused.too.large", size / (1 << 20), MAX_BYTES / (1 << 20));
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (in.read() != 0x80) throw refused("refused.not.pickle");
        }
        Object root;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            root = new Unpickler().load(in);
        } catch (PickleException e) {
            throw refused("refused.unreadable", e.getMessage());
        } catch (OutOfMemoryError e) {
            throw refused("refused.out.of.memory");
        } catch (RuntimeException e) {
            throw refused("refused.broken", e);
        } catch (IOException e) {
            throw refused("refused.truncated", e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("segments") instanceof List<?>)) {
            throw refused("refused.no.segments");
        }
        return analyse(map);
    }

    private static NotASnapshot refused(String key, Object... args) {
        return new NotASnapshot(SnapshotText.get(key, args));
    }

    static SnapshotReport analyse(Map<?, ?> root) {
        List<?> segments = (List<?>) root.get("segments");
        BlockTally t = BlockTally.of(segments);
        AllocationHistory h = AllocationHistory.replay(root.get("device_traces"), t.allocated);
        double frag = t.fragmentation();
        List<String> notes = new ArrayList<>();
        if (!h.recorded()) notes.add(SnapshotText.get("note.no.history"));
        if (frag > 0.5 && t.totalFree > (64L << 20)) notes.add(SnapshotText.get("note.fragmented", 100 * (1 - frag)));
        if (h.oomAt() != null) notes.add(SnapshotText.get("note.oom.event", h.oomAt()));
        return new SnapshotReport(t.devices.size(), segments.size(), t.blocks, t.reserved, t.allocated, t.active,
                t.largestFree, t.totalFree, Math.round(frag * 1000) / 1000.0, h.peak(), h.peakAt(), h.oomAt(),
                h.oomSize(), h.events(), t.topHolders(), t.buckets(), h.timeline(), notes);
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
        return SnapshotText.get(frames.isEmpty() ? "site.no.stack" : "site.library.only");
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
