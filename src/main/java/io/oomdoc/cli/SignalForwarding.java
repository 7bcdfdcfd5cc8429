package io.oomdoc.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * While a job runs, the signals sent to oomdoc go to the job's process tree instead of ending oomdoc, so oomdoc
 * outlives the job, diagnoses it and exits with its status. Ctrl-C typed at a terminal already reaches the job
 * (it shares oomdoc's foreground process group): forwarding it again would interrupt the job's own clean-up, so
 * terminal-generated signals are forwarded only when oomdoc is not in the terminal's foreground group.
 */
public final class SignalForwarding implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP", "QUIT");
    private static final List<String> FROM_TERMINAL = List.of("INT", "QUIT");

    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private final Supplier<Process> job;

    public SignalForwarding(Supplier<Process> job) {
        this.job = job;
        for (String name : FORWARDED) {
            try {
                Signal s = new Signal(name);
                previous.put(s, Signal.handle(s, this::forward));
            } catch (IllegalArgumentException e) {

                // the JVM reserves this signal here (-Xrs, or a debugger): it keeps its default meaning
            }
        }
    }

    private void forward(Signal s) {
        Process p = job.get();
        if (p == null || !p.isAlive()) return;
        if (FROM_TERMINAL.contains(s.getName()) && inForegroundGroup()) return;
        List<String> argv = new ArrayList<>(List.of("kill", "-s", s.getName(), Long.toString(p.pid())));
        p.descendants().forEach(h -> argv.add(Long.toString(h.pid())));
        try {
            new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            if (s.getName().equals("TERM")) p.destroy(); // no kill(1): TERM is what Process.destroy sends
        }
    }

    /** /proc/self/stat: the process group (field 5) equals the terminal's foreground group (field 8). */
    static boolean inForegroundGroup() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return f.length > 5 && f[2].equals(f[5]);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        previous.forEach((s, h) -> {
            try {
                Signal.handle(s, h);
            } catch (IllegalArgumentException ignored) {
                // could not be installed in the first place
            }
        });
    }
}
