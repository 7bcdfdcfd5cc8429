package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "At 30 fps, how many frames is 20 seconds?", "how many samples is 20 s at 24 kHz?": a rate times a duration. Audio
 * and video models are sized by the count (frames, samples, feature frames), and people know the rate and the length
 * of their clip, not the count; the count is what memory grows with.
 */
final class RateTimesDuration {
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow many\\b");
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)";
    /** 30 fps, 24 kHz, 16000 Hz, 100 (feature) frames per second, 50 tokens/s. */
    private static final Pattern RATE = Pattern.compile("(?i)" + NUMBER + "\\s*(?:(fps)\\b|(khz)\\b|(hz)\\b"
            + "|((?:[a-z-]+\\s+){0,2}?[a-z]+?)s?\\s*(?:per\\s+second|/\\s*s(?:ec)?)\\b)");
    /** 20 seconds, 30 minutes, 2 hours, 20 s. */
    private static final Pattern DURATION = Pattern.compile("(?i)" + NUMBER
            + "[\\s-]*(seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h)\\b(?!\\s*(?:per|/))");

    private RateTimesDuration() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        Matcher r = RATE.matcher(t);
        if (!r.find()) return null;
        double rate = number(r.group(1));
        String unit = r.group(2) != null ? "frames" : r.group(3) != null || r.group(4) != null ? "samples"
                : r.group(5).strip() + "s";
        if (r.group(3) != null) rate *= 1000;
        Double seconds = null;
        for (Matcher d = DURATION.matcher(t); d.find(); ) {
            // the rate's own number is not a duration ("24 kHz" never reads as one, "50 tokens/s" might)
            if (d.start() >= r.start() && d.start() < r.end()) continue;
            seconds = Durations.seconds(number(d.group(1)), d.group(2));
            break;
        }
        if (seconds == null || rate <= 0 || seconds <= 0) return null;
        return Messages.get("rate.count", trim(rate), unit, trim(seconds), count(rate * seconds), unit);
    }

    private static double number(String s) { return Double.parseDouble(s.replace(",", "")); }

    private static String trim(double v) { return Sizes.trim(v); }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : Sizes.trim(v);
    }
}
