package io.oomdoc.bench;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Log reading speed. `generate FILE MB plain|mmdet` writes a big log from the real lines of
 * bench/training-log-lines.txt (a counter makes each line differ) and ends it with a real PyTorch traceback;
 * `read FILE REPS` times LogReader alone on it and prints the median throughput; `memory FILE REPS` reads the file
 * into memory first and times LogReader over those bytes, so the page cache and the disk are out of the figure.
 */
public final class LogBench {
    private LogBench() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) generate(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
        else if (args[0].equals("memory")) memory(Path.of(args[1]), Integer.parseInt(args[2]));
        else if (args[0].equals("file")) file(Path.of(args[1]), Integer.parseInt(args[2]));
        else read(Path.of(args[1]), Integer.parseInt(args[2]));
    }

    static void generate(Path file, int mb, String kind) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : Fixtures.text("bench/training-log-lines.txt").split("\n")) {
            if (l.startsWith(kind + "|")) lines.add(l.substring(kind.length() + 1));
        }
        long target = mb * 1024L * 1024L, written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long n = 1; written < target; n++) {
                byte[] b = (lines.get((int) (n % lines.size())).replace("{n}", Long.toString(n)) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                out.write(b);
                written += b.length;
            }
            out.write(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt").getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d MB of %s lines + a real traceback%n", file,
                Files.size(file) >> 20, kind);
    }

    static void memory(Path file, int reps) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            new LogReader().read(new java.io.ByteArrayInputStream(bytes));
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        double[] sorted = cpu.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "LogReader on %s in memory (%d MB), %d runs: CPU first run %.3f s, best %.3f s "
                + "= %.2f GB/s per core, median %.3f s%n", file.getFileName(), bytes.length >> 20, reps, cpu[0],
                sorted[0], bytes.length / sorted[0] / 1e9, sorted[reps / 2]);
    }

    /**
     * LogReader.read(Path) as `oomdoc diagnose FILE` calls it (helper threads search a big file for the triggers):
     * wall time and the CPU time of all the process's threads, per run.
     */
    static void file(Path file, int reps) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long bytes = Files.size(file);
        for (int i = 0; i < reps; i++) {
            long c0 = os.getProcessCpuTime(), m0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LogText log = new LogReader().read(file);
            double wall = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
            double reading = (mx.getCurrentThreadCpuTime() - m0) / 1e9;
            System.out.printf(Locale.ROOT, "LogReader.read(Path) on %s (%d MB), run %d: wall %.3f s = %.2f GB/s, "
                    + "process CPU %.3f s, reading thread %.3f s; %d lines kept%n", file.getFileName(), bytes >> 20,
                    i + 1, wall, bytes / wall / 1e9, cpu, reading, log.lines().size());
        }
    }

    static void read(Path file, int reps) throws Exception {
        double[] s = new double[reps], cpu = new double[reps];
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int kept = 0;
        for (int i = 0; i < reps; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LogText log;
            try (InputStream in = Files.newInputStream(file)) {
                log = new LogReader().read(in);
            }
            s[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            kept = log.lines().size();
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double median = sorted[reps / 2];
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        double cpuMedian = cpuSorted[reps / 2];
        long bytes = Files.size(file);
        // On a shared machine wall time includes waiting for a core; the reading thread's CPU time does not.
        System.out.printf(Locale.ROOT, "LogReader on %s (%d MB), median of %d runs: wall %.3f s = %.2f GB/s, CPU "
                + "%.3f s = %.2f GB/s per core; %d lines kept; wall runs %s%n", file.getFileName(), bytes >> 20,
                reps, median, bytes / median / 1e9, cpuMedian, bytes / cpuMedian / 1e9, kept,
                Arrays.toString(Arrays.stream(s).map(x -> Math.round(x * 1000) / 1000.0).toArray()));
    }
}
