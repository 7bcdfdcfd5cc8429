package io.oomdoc.evidence.watch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a job as a child process and watches it: output passed through and kept in a bounded copy, GPU and host
 * memory sampled as the {@link SamplingPlan} says (densely at first, then at the interval), at once when the log
 * prints its first step or an out-of-memory line, and once more after the job ended (the kernel's OOM kill is
 * counted in the cgroup only then), signals forwarded. The watcher never touches CUDA: GPU readings come from
 * nvidia-smi, host readings from /proc and the cgroup.
 */
public final class JobWatch {
    /** At most this many samples are kept; older ones are thinned to every other one (a long run stays bounded). */
    private static final int MAX_SAMPLES = 4096;
    private static final int HEAD_BYTES = 256 * 1024;
    private static final int TAIL_BYTES = 4 * 1024 * 1024;
    private static final long DRAIN_MS = 2000;
    private static final ProcessTree TREE = new ProcessTree(Path.of("/proc"));

    /**
     * @param smi      nvidia-smi found on PATH, or null for host-only sampling
     * @param gpuNote  why GPU memory is not sampled, or null
     */
    public record Options(long intervalMs, Path smi, String gpuNote, HostSampler host) {}

    public record Result(MemoryTimeline timeline, byte[] output) {}

    private final Options options;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<Long, Neighbour> neighbours = new LinkedHashMap<>();
    private final Set<Long> othersAtStart = new HashSet<>();
    private boolean firstGpuSample = true;
    private volatile Process process;
    private long start;
    private LogCues cues;
    private SmiSampler smi;
    private String gpuNote;
    private final Object wake = new Object();
    private boolean cued;
    private boolean stopped;

    public JobWatch(Options options) {
        this.options = options;
        this.gpuNote = options.gpuNote();
    }

    /** The running job, for signal forwarding; null before it starts. */
    public Process process() { return process; }

    public Result run(ProcessBuilder job, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        startSmi();
        start = System.currentTimeMillis();
        cues = new LogCues(start, this::cue);
        OutputTail tail = new OutputTail(HEAD_BYTES, TAIL_BYTES);
        try {
            process = job.start();
        } catch (IOException e) {
            if (smi != null) smi.close(); // the nvidia-smi loops would otherwise outlive oomdoc
            throw e;
        }
        Pump po = new Pump("oomdoc-stdout", process.getInputStream(), out, tail, cues);
        Pump pe = new Pump("oomdoc-stderr", process.getErrorStream(), err, tail, cues);
        po.start();
        pe.start();
        SamplingPlan plan = new SamplingPlan(options.intervalMs());
        Thread sampler = new Thread(() -> sampleUntilStopped(plan), "oomdoc-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int status = process.waitFor();
        long end = System.currentTimeMillis() - start;
        stopSampling(sampler);
        // A grandchild that inherited the pipes may keep them open after the job ended: do not wait for it forever.
        po.join(DRAIN_MS);
        pe.join(DRAIN_MS);
        cues.flush();
        sampleAfterExit();
        closeSmi();
        return new Result(timeline(status, end), tail.bytes());
    }

    /** Stops the nvidia-smi loops; when they failed before a single card reading, the note says why. */
    private void closeSmi() {
        if (smi == null) return;
        if (smi.failure() != null && samples.stream().allMatch(s -> s.cardTotalBytes() == null))
            gpuNote = WatchText.get("gpu.failed", smi.failure());
        smi.close();
    }

    /** The samples read as a timeline: a signal from a status above 128, the failure at the OOM line or the end. */
    private MemoryTimeline timeline(int status, long endMillis) {
        Integer signal = status > 128 && status <= 128 + 64 ? status - 128 : null;
        long failedAt = cues.oomAtMillis() >= 0 ? cues.oomAtMillis() : endMillis;
        Integer failedStep = cues.oomSeen() ? cues.oomStep() : cues.step();
        List<Sample> kept;
        synchronized (samples) { kept = List.copyOf(samples); }
        return TimelineAnalyzer.analyze(kept, List.copyOf(neighbours.values()), status, signal,
                cues.oomLine(), failedAt, failedStep, gpuNote);
    }

    private void startSmi() {
        if (options.smi() == null) return;
        try {
            smi = SmiSampler.start(options.smi(), options.intervalMs(),
                    new SamplingPlan(options.intervalMs()).gapMs(0, -1));
        } catch (IOException e) {
            gpuNote = WatchText.get("gpu.failed", e.getMessage());
        }
    }

    /** The log printed its first step or an out-of-memory line: sample now rather than at the next tick. */
    private void cue() {
        synchronized (wake) {
            cued = true;
            wake.notifyAll();
        }
    }

    private void sampleUntilStopped(SamplingPlan plan) {
        try {
            // a first reading as the job starts: the cgroup's oom_kill count before it, to compare with the last
            sampleQuietly();
            while (true) {
                long gap = plan.gapMs(System.currentTimeMillis() - start, cues.firstStepAtMillis());
                paceSmi(gap);
                synchronized (wake) {
                    long until = System.currentTimeMillis() + gap;
                    for (long w = gap; !stopped && !cued && w > 0; w = until - System.currentTimeMillis())
                        wake.wait(w);
                    if (stopped) return;
                    cued = false;
                }
                sampleQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void paceSmi(long gap) {
        if (smi == null) return;
        try {
            smi.pace(gap);
        } catch (IOException e) {
            // the loops at the old pace go on: their readings are older, not wrong
        }
    }

    private void stopSampling(Thread sampler) throws InterruptedException {
        synchronized (wake) {
            stopped = true;
            wake.notifyAll();
        }
        sampler.join(options.intervalMs() + 1000);
    }

    /**
     * The job has ended: its processes and their GPU memory are gone, but the cgroup still tells whether the kernel
     * killed it for memory (its oom_kill count), which a job killed between two samples would otherwise hide.
     */
    private void sampleAfterExit() {
        HostSampler.Reading h = options.host().read(Set.of());
        synchronized (samples) {
            samples.add(new Sample(System.currentTimeMillis() - start, cues.step(), null, null, null, null, null,
                    h.cgroupUsageBytes(), h.oomKills()));
        }
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a process that vanished mid-read: the next sample will do
        }
    }

    private void sample() {
        Process p = process;
        if (p == null || !p.isAlive()) return;
        Set<Long> tree = TREE.of(p.toHandle());
        long at = System.currentTimeMillis() - start;
        Integer step = cues.step();
        HostSampler.Reading h = options.host().read(tree);
        Long job = null, used = null, total = null, others = null;
        if (smi != null && !smi.cards().isEmpty()) {
            List<SmiSampler.App> apps = smi.apps();
            Set<String> jobCards = new HashSet<>();
            for (SmiSampler.App a : apps) if (tree.contains(a.pid())) {
                jobCards.add(a.gpuUuid());
                job = (job == null ? 0 : job) + a.usedBytes();
            }
            for (SmiSampler.Card c : smi.cards()) {
                if (!jobCards.isEmpty() && !jobCards.contains(c.uuid())) continue;
                used = (used == null ? 0 : used) + c.usedBytes();
                total = (total == null ? 0 : total) + c.totalBytes();
            }
            others = 0L;
            for (SmiSampler.App a : apps) {
                if (tree.contains(a.pid()) || !jobCards.isEmpty() && !jobCards.contains(a.gpuUuid())) continue;
                others += a.usedBytes();
                noteNeighbour(a, at, step);
            }
            firstGpuSample = false;
        }
        synchronized (samples) {
            samples.add(new Sample(at, step, job, used, total, others, h.treeRssBytes(), h.cgroupUsageBytes(),
                    h.oomKills()));
            if (samples.size() > MAX_SAMPLES) thin();
        }
    }

    private void noteNeighbour(SmiSampler.App a, long at, Integer step) {
        if (firstGpuSample) othersAtStart.add(a.pid());
        int index = smi.cards().stream().filter(c -> c.uuid().equals(a.gpuUuid())).mapToInt(SmiSampler.Card::index)
                .findFirst().orElse(-1);
        Neighbour seen = neighbours.get(a.pid());
        long firstMs = seen == null ? at : seen.firstSeenMillis();
        Integer firstStep = seen == null ? step : seen.firstSeenStep();
        neighbours.put(a.pid(), new Neighbour(a.pid(), ProcName.of(a.pid()), index, a.usedBytes(), firstMs,
                firstStep, othersAtStart.contains(a.pid())));
    }

    /** Keeps the newest half whole and every other sample of the older half. */
    private void thin() {
        int half = samples.size() / 2;
        List<Sample> older = new ArrayList<>();
        for (int i = 0; i < half; i += 2) older.add(samples.get(i));
        List<Sample> newer = new ArrayList<>(samples.subList(half, samples.size()));
        samples.clear();
        samples.addAll(older);
        samples.addAll(newer);
    }
}
