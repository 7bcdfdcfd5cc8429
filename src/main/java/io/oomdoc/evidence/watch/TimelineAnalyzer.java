package io.oomdoc.evidence.watch;

import io.oomdoc.evidence.watch.MemoryTimeline.Kind;
import io.oomdoc.evidence.watch.MemoryTimeline.Verdict;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the shape of a job's memory over its steps: steady growth (a leak), a flat line and then a failure late in
 * the run (one long batch), a jump after the first step (optimizer state), another process arriving on the card (a
 * neighbour), a SIGKILL with no CUDA message (the kernel, for host RAM). Pure: samples in, verdicts out.
 */
public final class TimelineAnalyzer {
    private static final long MIB = 1L << 20;
    /** Growth must be at least this much and this share of the first level: allocator noise is a few MiB. */
    private static final long MIN_GROWTH = 64 * MIB;
    private static final double MIN_GROWTH_SHARE = 0.10;
    /** Most consecutive steps must rise, and no single rise may carry most of it (that is a jump, not a leak). */
    private static final double RISING_SHARE = 0.6;
    private static final double ONE_RISE_SHARE = 0.6;
    private static final int MIN_GROWTH_STEPS = 4;
    /** A jump after the first step: the optimizer's state is 2× (Adam) the trainable weights, rarely under 20%. */
    private static final double JUMP_SHARE = 0.2;
    private static final long MIN_JUMP = 256 * MIB;
    /** A flat line: levels within this share of their median. */
    private static final double FLAT_SHARE = 0.1;
    private static final int MIN_FLAT_STEPS = 5;
    private static final long MIN_NEIGHBOUR = 256 * MIB;
    private static final int SIGKILL = 9;

    private TimelineAnalyzer() {}

    public static MemoryTimeline analyze(List<Sample> samples, List<Neighbour> neighbours, int exitStatus,
                                         Integer signal, String oomLine, long failedAtMillis, Integer failedAtStep,
                                         String gpuNote) {
        TreeMap<Integer, Long> levels = perStep(samples);
        List<Verdict> v = new ArrayList<>();
        Long perStep = growth(levels, v);
        step2(levels, failedAtStep, v);
        if (perStep == null) spike(levels, samples, failedAtStep, v);
        neighbour(neighbours, v);
        hostKill(samples, signal, oomLine, v);
        return new MemoryTimeline(List.copyOf(samples), List.copyOf(neighbours), exitStatus, signal, oomLine,
                failedAtMillis, failedAtStep, gpuNote, perStep, List.copyOf(v));
    }

    /** The highest GPU level sampled during each step the log printed. */
    static TreeMap<Integer, Long> perStep(List<Sample> samples) {
        TreeMap<Integer, Long> levels = new TreeMap<>();
        for (Sample s : samples) {
            if (s.step() == null || s.gpuLevel() == null) continue;
            levels.merge(s.step(), s.gpuLevel(), Math::max);
        }
        return levels;
    }

    private static Long growth(TreeMap<Integer, Long> levels, List<Verdict> v) {
        if (levels.size() < MIN_GROWTH_STEPS) return null;
        List<Long> l = new ArrayList<>(levels.values());
        long first = l.get(0), last = l.get(l.size() - 1), total = last - first;
        int rises = 0;
        long biggest = 0;
        for (int i = 1; i < l.size(); i++) {
            long d = l.get(i) - l.get(i - 1);
            if (d > 0) rises++;
            biggest = Math.max(biggest, d);
        }
        if (total < Math.max(MIN_GROWTH, (long) (MIN_GROWTH_SHARE * first))) return null;
        if (rises < RISING_SHARE * (l.size() - 1) || biggest > ONE_RISE_SHARE * total) return null;
        int steps = levels.lastKey() - levels.firstKey();
        long perStep = total / Math.max(1, steps);
        v.add(new Verdict(Kind.GROWTH, WatchText.get("verdict.growth", Bytes.human(first), Bytes.human(last),
                levels.firstKey(), levels.lastKey(), Bytes.human(perStep))));
        return perStep;
    }

    /** The first step completes, the next one allocates much more (or is where the job fails), then no growth. */
    private static void step2(TreeMap<Integer, Long> levels, Integer failedAtStep, List<Verdict> v) {
        if (levels.isEmpty()) return;
        int s0 = levels.firstKey();
        if (s0 > 1) return; // the log started counting late: the first steps were not seen
        Long l0 = levels.get(s0), l1 = levels.get(s0 + 1);
        boolean jump = l1 != null && l1 - l0 >= Math.max(MIN_JUMP, (long) (JUMP_SHARE * l0));
        boolean flatAfter = jump && levels.tailMap(s0 + 1).values().stream().allMatch(x -> x <= l1 * (1 + FLAT_SHARE));
        boolean diedThere = failedAtStep != null && failedAtStep == s0 + 1;
        if (jump && (flatAfter || diedThere)) {
            v.add(new Verdict(Kind.STEP2_JUMP, WatchText.get("verdict.step2.jump", s0, Bytes.human(l0), s0 + 1,
                    Bytes.human(l1))));
        } else if (diedThere && levels.size() <= 2) {
            v.add(new Verdict(Kind.STEP2_JUMP, WatchText.get("verdict.step2.died", s0, s0 + 1, Bytes.human(l0))));
        }
    }

    /** Many steps at one level, then a failure late in the run: one batch needed more than all before it. */
    private static void spike(TreeMap<Integer, Long> levels, List<Sample> samples, Integer failedAtStep,
                              List<Verdict> v) {
        if (levels.size() < MIN_FLAT_STEPS || failedAtStep == null || failedAtStep <= levels.firstKey() + 3) return;
        List<Long> body = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : levels.entrySet()) if (e.getKey() < failedAtStep) body.add(e.getValue());
        if (body.size() < MIN_FLAT_STEPS - 1) return;
        List<Long> sorted = body.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long spread = sorted.get(sorted.size() - 1) - sorted.get(0);
        if (spread > FLAT_SHARE * median) return;
        Long peak = levels.get(failedAtStep);
        String last = peak != null && peak > median * (1 + FLAT_SHARE)
                ? WatchText.get("verdict.spike.peak", Bytes.human(peak)) : "";
        v.add(new Verdict(Kind.SPIKE, WatchText.get("verdict.spike", Bytes.human(median), body.size(),
                failedAtStep, last)));
    }

    private static void neighbour(List<Neighbour> neighbours, List<Verdict> v) {
        for (Neighbour n : neighbours) {
            if (n.presentAtStart() || n.usedBytes() < MIN_NEIGHBOUR) continue;
            v.add(new Verdict(Kind.NEIGHBOUR, WatchText.get("verdict.neighbour", n.pid(), n.name() == null ? "?"
                    : n.name(), n.firstSeenStep() == null ? "?" : n.firstSeenStep(), Bytes.human(n.usedBytes()),
                    n.gpuIndex())));
            return;
        }
    }

    private static void hostKill(List<Sample> samples, Integer signal, String oomLine, List<Verdict> v) {
        Long firstKills = null, lastKills = null, peakRss = null;
        for (Sample s : samples) {
            if (s.oomKills() != null) { if (firstKills == null) firstKills = s.oomKills(); lastKills = s.oomKills(); }
            if (s.hostRssBytes() != null) peakRss = peakRss == null ? s.hostRssBytes() : Math.max(peakRss,
                    s.hostRssBytes());
        }
        boolean kernelKilled = firstKills != null && lastKills > firstKills;
        boolean sigkill = signal != null && signal == SIGKILL;
        if ((sigkill && oomLine == null) || kernelKilled) {
            String rss = peakRss == null ? "" : WatchText.get("verdict.host.rss", Bytes.human(peakRss));
            String kills = kernelKilled ? WatchText.get("verdict.host.cgroup", firstKills, lastKills) : "";
            v.add(new Verdict(Kind.HOST_KILL, WatchText.get(sigkill ? "verdict.host.sigkill" : "verdict.host.kill",
                    rss, kills)));
        }
    }
}
