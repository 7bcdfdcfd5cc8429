package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proportions a question asks for without a model: an image size against another ("how much bigger is 2048x1080 than
 * 1333x800?": activations of a convolutional network scale with the pixels), a value cut from A to B, and one item's
 * share of a total ("2000 episodes occupy 60G, how much is one?").
 */
final class Ratios {
    private static final Pattern TWO_SIZES = Pattern.compile("(?i)(?<![\\w.])(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})"
            + "(?![\\w.]).{0,40}?(?<![\\w.])(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})(?![\\w.])");
    private static final Pattern FROM_TO = Pattern.compile("(?i)\\bfrom\\s+(\\d+(?:\\.\\d+)?)\\s+(?:down\\s+|up\\s+)?to"
            + "\\s+(\\d+(?:\\.\\d+)?)(?![\\w.])");
    private static final Pattern TOTAL = Pattern.compile("(?i)(?<![\\w.])(\\d[\\d,]*)\\s+([a-z]+)\\s+(?:\\w+\\s+)?"
            + "(?:occup\\w*|takes?|take up|uses?|needs?|consumes?|fills?|holds?|is|are)\\s+(?:about\\s+|around\\s+|~)?"
            + "(\\d+(?:\\.\\d+)?)\\s*(tb|gb|gib|g|mb|mib|m)\\b");
    private static final Pattern ONE = Pattern.compile("(?i)\\b(?:one|each|per|a single|every single)\\b");

    private Ratios() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        Matcher m = TWO_SIZES.matcher(t);
        if (m.find()) {
            double first = Double.parseDouble(m.group(1)) * Double.parseDouble(m.group(2));
            double second = Double.parseDouble(m.group(3)) * Double.parseDouble(m.group(4));
            return Messages.get("ratio.pixels", m.group(1) + "×" + m.group(2), fmt(first),
                    m.group(3) + "×" + m.group(4), fmt(second), Sizes.trim(first / second));
        }
        m = TOTAL.matcher(t);
        if (m.find() && ONE.matcher(t.substring(m.end())).find()) {
            double n = Double.parseDouble(m.group(1).replace(",", ""));
            double bytes = Double.parseDouble(m.group(3)) * unit(m.group(4));
            if (n >= 2) return Messages.get("ratio.each", m.group(3) + " " + m.group(4).toUpperCase(Locale.ROOT),
                    fmt(n), m.group(2), Sizes.human(bytes / n));
        }
        m = FROM_TO.matcher(t);
        if (m.find() && Scaling.of(t, a.facts()) == null) {
            double from = Double.parseDouble(m.group(1)), to = Double.parseDouble(m.group(2));
            if (from <= 0 || to <= 0 || from == to) return null;
            double r = to / from;
            return Messages.get("ratio.change", m.group(1), m.group(2), Sizes.trim(r), words(r), words(r * r));
        }
        return null;
    }

    /** 0.5 → "0.5× (half)": the proportion as people say it, beside the figure. */
    static String words(double r) {
        String w = r == 0.5 ? "half" : r == 0.25 ? "a quarter" : r == 2 ? "twice" : r == 4 ? "four times" : null;
        return Sizes.trim(r) + "×" + (w == null ? "" : " (" + w + ")");
    }

    private static double unit(String u) {
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "tb" -> 1L << 40;
            case "mb", "mib", "m" -> 1L << 20;
            default -> 1L << 30;
        };
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%,.0f", v); }
}
