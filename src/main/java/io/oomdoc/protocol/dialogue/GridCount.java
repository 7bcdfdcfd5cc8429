package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "If the evaluation grid is 256^3, how many query points is that?", "at a 64x64 feature map, how many entries is the
 * correspondence matrix?": the count a grid's sides make, and for a matrix over every pair of its positions, that
 * count squared. Memory grows with these counts, which people rarely work out from the sides they set.
 */
final class GridCount {
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow many\\b");
    /** 256^3, 128³, 64x64x64 (a volume) or 64x64 (a map). */
    private static final Pattern GRID = Pattern.compile("(?<![\\w.])(\\d{1,5})\\s*(?:\\^\\s*([23])|([²³])"
            + "|[x×]\\s*(\\d{1,5})(?:\\s*[x×]\\s*(\\d{1,5}))?)(?![\\w.])");
    /** Every position against every other: a similarity, correspondence or attention matrix. */
    private static final Pattern PAIRS = Pattern.compile("(?i)\\bmatri(?:x|ces)\\b|\\bpairs?\\b|\\bpairwise\\b");

    private GridCount() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        Matcher m = GRID.matcher(t);
        if (!m.find()) return null;
        // "28x28 pixels per visual token", "patch 14x14": a unit's size, not a grid to count
        String next = t.substring(m.end(), Math.min(t.length(), m.end() + 24)).toLowerCase(Locale.ROOT);
        String prev = t.substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(Locale.ROOT);
        if (next.matches("(?s).*\\b(?:per|patch(?:es)?)\\b.*") || prev.contains("patch")) return null;
        long side = Long.parseLong(m.group(1));
        long count;
        String said;
        if (m.group(2) != null || m.group(3) != null) {
            int power = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(3).equals("²") ? 2 : 3;
            count = power == 2 ? side * side : side * side * side;
            said = side + (power == 2 ? "²" : "³");
        } else {
            long second = Long.parseLong(m.group(4));
            count = side * second * (m.group(5) != null ? Long.parseLong(m.group(5)) : 1);
            said = m.group(5) != null ? side + "×" + second + "×" + m.group(5) : side + "×" + second;
        }
        if (count < 2) return null;
        String line = Messages.get("grid.count", said, count(count));
        if (PAIRS.matcher(t).find()) {
            line += " " + Messages.get("grid.pairs", count(count), count(count), count(count * count));
        }
        return line;
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
