package io.oomdoc.evidence.gpu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a fixed, read-only system command (never one built from user or model input) with a time limit. */
final class Commands {
    record Result(int exit, String out, String err) {}

    static final class Failed extends Exception {
        Failed(String why) { super(why); }
    }

    private Commands() {}

    static Result run(List<String> argv, long timeoutMs) throws Failed {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new Failed(GpuText.get("command.missing", argv.get(0)));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Thread to = pump(p.getInputStream(), out), te = pump(p.getErrorStream(), err);
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new Failed(GpuText.get("command.hung", argv.get(0), timeoutMs / 1000));
            }
            to.join(1000);
            te.join(1000);
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failed(GpuText.get("command.interrupted", argv.get(0)));
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) if (sink.size() < 4_000_000) sink.write(buf, 0, n);
            } catch (IOException ignored) {
                // the process ended or was killed; what was read is kept
            }
        }, "oomdoc-cmd");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
