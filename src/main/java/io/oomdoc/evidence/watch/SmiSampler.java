package io.oomdoc.evidence.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GPU memory per card and per process from nvidia-smi in its own loop mode ({@code -lms}): two long-lived queries
 * instead of two new processes per sample, because starting nvidia-smi (NVML initialisation) costs more CPU than
 * the watcher may spend. NVML answers from the driver; no CUDA context is created. A process not reported again
 * within a few intervals has left the card.
 */
public final class SmiSampler implements AutoCloseable {
    static final String GPU_QUERY = "--query-gpu=index,uuid,pci.bus_id,memory.used,memory.total";
    static final String APP_QUERY = "--query-compute-apps=pid,used_memory,gpu_uuid";
    private static final long MIB = 1L << 20;

    public record Card(int index, String uuid, String busId, long usedBytes, long totalBytes) {}

    public record App(long pid, long usedBytes, String gpuUuid) {}

    private record Seen<T>(T value, long atMillis) {}

    private final Map<String, Card> cards = new ConcurrentHashMap<>();
    private final Map<String, Seen<App>> apps = new ConcurrentHashMap<>();
    private final Path binary;
    private final long intervalMs;
    private volatile List<Process> loops = List.of();
    private long paceMs = -1;
    private boolean closed;
    private volatile String failure;

    private SmiSampler(Path binary, long intervalMs) {
        this.binary = binary;
        this.intervalMs = intervalMs;
    }

    /**
     * Starts the two loops with the binary found on PATH; throws with the reason when it cannot start.
     *
     * @param intervalMs the user's interval: a process not reported for a few of them has left the card
     * @param paceMs     how often the loops report at first (see {@link #pace})
     */
    public static SmiSampler start(Path binary, long intervalMs, long paceMs) throws IOException {
        SmiSampler s = new SmiSampler(binary, intervalMs);
        s.pace(paceMs);
        return s;
    }

    /**
     * Makes the loops report every paceMs (100 ms at least, nvidia-smi's floor): new loops are started and the old
     * ones stopped, so each change costs two starts of nvidia-smi; the watcher changes pace a few times per run.
     */
    public synchronized void pace(long paceMs) throws IOException {
        long ms = Math.max(100, paceMs);
        // after close() nothing may start: a loop started then would outlive oomdoc
        if (closed || ms == this.paceMs) return;
        String lms = Long.toString(ms);
        List<Process> fresh = new ArrayList<>();
        try {
            fresh.add(loop(List.of(binary.toString(), GPU_QUERY, "--format=csv,noheader,nounits", "-lms", lms),
                    this::gpuLine));
            fresh.add(loop(List.of(binary.toString(), APP_QUERY, "--format=csv,noheader,nounits", "-lms", lms),
                    this::appLine));
        } catch (IOException e) {
            for (Process p : fresh) p.destroy();
            throw e;
        }
        // the readings of the old loops stay until the new ones replace them
        for (Process p : loops) p.destroy();
        loops = List.copyOf(fresh);
        this.paceMs = ms;
    }

    private Process loop(List<String> argv, java.util.function.Consumer<String> sink) throws IOException {
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) sink.accept(line);
            } catch (IOException e) {
                // a loop stopped by pace() or close() has its stream closed under it: that is no failure
                if (loops.contains(p) && p.isAlive()) failure = e.getMessage();
            }
        }, "oomdoc-smi");
        t.setDaemon(true);
        t.start();
        return p;
    }

    void gpuLine(String line) {
        String[] f = cells(line, 5);
        if (f == null) return;
        try {
            cards.put(f[1], new Card(Integer.parseInt(f[0]), f[1], f[2], Long.parseLong(f[3]) * MIB,
                    Long.parseLong(f[4]) * MIB));
        } catch (NumberFormatException e) {
            // "[N/A]" or a header: nothing to record for this line
        }
    }

    void appLine(String line) {
        String[] f = cells(line, 3);
        if (f == null) return;
        try {
            apps.put(f[0] + "@" + f[2], new Seen<>(new App(Long.parseLong(f[0]), Long.parseLong(f[1]) * MIB, f[2]),
                    System.currentTimeMillis()));
        } catch (NumberFormatException e) {
            // a process whose memory NVML cannot attribute ("[N/A]", WDDM) is not a sample
        }
    }

    private static String[] cells(String line, int n) {
        String[] f = line.split(",");
        if (f.length < n) return null;
        for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
        return f;
    }

    public List<Card> cards() { return List.copyOf(cards.values()); }

    /** Processes reported within the last few of the user's intervals (the loops may report faster than that). */
    public List<App> apps() {
        long horizon = System.currentTimeMillis() - 3 * intervalMs - 500;
        List<App> out = new ArrayList<>();
        for (Seen<App> s : apps.values()) if (s.atMillis() >= horizon) out.add(s.value());
        return out;
    }

    /** Why the loops stopped early, or null while they run. */
    public String failure() {
        if (failure != null) return failure;
        for (Process p : loops) if (!p.isAlive() && p.exitValue() != 0) return WatchText.get("smi.exit", p.exitValue());
        return null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<Process> running = loops;
        loops = List.of();
        for (Process p : running) p.destroy();
    }
}
