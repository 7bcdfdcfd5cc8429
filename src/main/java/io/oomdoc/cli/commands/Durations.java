package io.oomdoc.cli.commands;

import io.oomdoc.cli.UserError;
import io.oomdoc.evidence.watch.WatchText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "1s", "500ms", "0.5s", "2m": a sampling interval, from 100 ms (nvidia-smi's loop floor) to one hour. */
final class Durations {
    private static final Pattern D = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private static final long MIN = 100, MAX = 3_600_000;

    private Durations() {}

    static long millis(String text) {
        Matcher m = D.matcher(text.strip());
        if (!m.matches()) throw new UserError(WatchText.get("run.interval", text), 2);
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long ms = Math.round(v * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        });
        if (ms < MIN || ms > MAX) throw new UserError(WatchText.get("run.interval", text), 2);
        return ms;
    }
}
