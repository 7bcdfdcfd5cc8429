package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What if I cut the audio into 10-minute pieces?", "split each validation scene into four blocks": an input processed
 * piece by piece holds one piece at a time, so what grows with the input's length is bounded by a piece's share of it
 * (a tenth, a quarter) and no longer grows with the whole file. The share is computed when the whole's length was
 * said; otherwise the bound is the answer.
 */
final class PieceSplit {
    private static final Pattern SPLIT = Pattern.compile("(?i)\\b(?:cut|split|chunk|break|divide|slice|segment)\\w*"
            + "\\s+(?:[\\w'-]+\\s+){0,4}?(?:into|in)\\s+(?:(\\d+(?:\\.\\d+)?)[- ]?(minutes?|mins?|seconds?|secs?|s"
            + "|hours?)[- ](?:long\\s+)?(?:pieces|chunks|segments|parts|clips|windows|blocks)"
            + "|(\\d+|two|three|four|five|six|eight|ten)\\s+(?:\\w+\\s+)?(?:pieces|chunks|blocks|parts|tiles"
            + "|segments|windows)\\b)");
    /** The whole's length said before: "a 30-minute file", "2 hours", "90 seconds of audio". */
    private static final Pattern LENGTH = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*\\+?[- ]?"
            + "(minutes?|mins?|hours?|hrs?|seconds?|secs?)\\b");
    private static final Map<String, Integer> WORDS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6,
            "eight", 8, "ten", 10);

    private PieceSplit() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        Matcher m = SPLIT.matcher(t);
        if (!m.find()) return null;
        if (m.group(3) != null) {
            String n = m.group(3).toLowerCase(Locale.ROOT);
            int pieces = WORDS.containsKey(n) ? WORDS.get(n) : Integer.parseInt(n);
            if (pieces < 2) return null;
            return Messages.get("pieces.count", pieces, Scaling.ratio(1.0 / pieces));
        }
        double piece = seconds(m.group(1), m.group(2));
        String earlier = a.earlier();
        Double whole = null;
        for (Matcher l = LENGTH.matcher(earlier); l.find(); ) whole = seconds(l.group(1), l.group(2));
        String said = m.group(1) + " " + m.group(2).toLowerCase(Locale.ROOT);
        if (whole == null || whole <= piece) return Messages.get("pieces.bounded", said);
        return Messages.get("pieces.share", said, Scaling.ratio(piece / whole));
    }

    private static double seconds(String n, String unit) { return Durations.seconds(Double.parseDouble(n), unit); }
}
