package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Add it up: DiT in int8 2.4 GB, the text encoder 1.2 GB, VAE 0.3 GB, CUDA context 0.5 GB, framework 1.5 to 2 GB":
 * what sits on one card together is the sum of its parts, and a part given as a range makes the sum a range.
 */
final class PartsSum {
    /** The turn asks for the total of what it lists. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\badd (?:it|them|these|those|that|everything|all)"
            + "(?: of (?:it|them|this|that))? up\\b|\\badd up\\b|\\bsum (?:it|them|of|up)\\b|\\bin total\\b"
            + "|\\baltogether\\b|\\ball together\\b|\\bwhat(?:'s| is) the total\\b|\\btotal of\\b");
    /** "2.4 GB", "1.5 to 2 GB", "1.5-2 GB": a size, or a range of sizes in one unit. */
    private static final Pattern PART = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)(?:\\s*(?:to|-|–)\\s*"
            + "(\\d+(?:\\.\\d+)?))?\\s*(gb|gib|mb|mib)\\b");
    private static final int MIN_PARTS = 3;

    private PartsSum() {}

    /** "2.4 + 1.2 + 0.3 + 0.5 + 1.5 to 2 GB = 5.9 to 6.4 GB", or null. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        List<String> shown = new ArrayList<>();
        double low = 0, high = 0;
        String unit = null;
        for (Matcher m = PART.matcher(t); m.find(); ) {
            String u = m.group(3).toUpperCase(Locale.ROOT).replace("IB", "iB");
            if (unit != null && !unit.equals(u)) return null; // parts in mixed units are left to be read
            unit = u;
            double from = Double.parseDouble(m.group(1));
            double to = m.group(2) == null ? from : Double.parseDouble(m.group(2));
            low += from;
            high += to;
            shown.add(m.group(2) == null ? m.group(1) : m.group(1) + " to " + m.group(2));
        }
        if (shown.size() < MIN_PARTS) return null;
        String total = low == high ? Sizes.trim(low) : Sizes.trim(low) + " to " + Sizes.trim(high);
        return Messages.get("parts.sum", String.join(" + ", shown), unit, total, unit, shown.size());
    }
}
