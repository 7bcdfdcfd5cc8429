package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Why does 20 minutes fail when 1 minute works?", "going 2048 -> 8192, how much should activation memory grow?": two
 * sizes of one input (seconds of audio, frames, tokens) compared. The answer is their ratio, then what grows by it (the
 * activations, linearly) and what grows by its square (attention over the whole input).
 */
final class InputGrowth {
    /** A size of the input with its unit; a time after "after", "for" or "in" is how long a run went, not input. */
    private static final Pattern SIZE = Pattern.compile("(?i)(?<!\\bafter |\\bfor |\\bin |\\bwithin |\\bevery )"
            + "(?<![\\w.])(\\d{1,6}(?:\\.\\d+)?)\\s*(k\\b)?\\s*(seconds?|secs?|s|minutes?|mins?|hours?|hrs?|frames?"
            + "|tokens?)\\b");
    /** "going 2048 -> 8192", "from 2048 to 8192 tokens": a length changed, said as two bare numbers. */
    private static final Pattern ARROW = Pattern.compile("(?i)(?<![\\w.])(\\d{3,6})\\s*(?:->|→|=>)\\s*(\\d{3,6})"
            + "(?![\\w.])");
    /** The question asks why the bigger one costs more, or how much more it costs. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bwhy\\b|\\bhow much (?:more|should|does|will|would)"
            + "|\\bhow (?:does|would|will) (?:it|memory|\\w+ memory) (?:grow|scale)");
    /** Counting what grows with the input: "activation memory grow", "need so much more", "fail when". */
    private static final Pattern MEMORY = Pattern.compile("(?i)\\b(?:memory|vram|need|needs|fail|fails|oom|grow"
            + "|take|takes|use|uses|more)\\b");

    private InputGrowth() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find() || !MEMORY.matcher(t).find()) return null;
        double[] two = sizes(t);
        if (two == null) return null;
        double small = Math.min(two[0], two[1]), big = Math.max(two[0], two[1]);
        if (small <= 0 || big / small < 1.5) return null;
        double r = big / small;
        return Messages.get("growth.input", number(r), number(r), number(r * r));
    }

    /** The two sizes of one kind the text compares, in one unit (times in seconds), or null. */
    private static double[] sizes(String t) {
        Matcher arrow = ARROW.matcher(t);
        if (arrow.find()) return new double[] {Double.parseDouble(arrow.group(1)), Double.parseDouble(arrow.group(2))};
        Matcher m = SIZE.matcher(t);
        String kind = null;
        double first = -1;
        while (m.find()) {
            String k = kind(m.group(3));
            double v = Double.parseDouble(m.group(1)) * (m.group(2) != null ? 1000 : 1) * seconds(m.group(3));
            if (first < 0) { first = v; kind = k; continue; }
            if (k.equals(kind) && v != first) return new double[] {first, v};
        }
        return null;
    }

    private static String kind(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("frame")) return "frame";
        if (u.startsWith("token")) return "token";
        return "time";
    }

    private static double seconds(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("m")) return 60;
        if (u.startsWith("h")) return 3600;
        return 1;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
