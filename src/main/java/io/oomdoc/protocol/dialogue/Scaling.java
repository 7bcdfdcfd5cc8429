package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A change of batch or length answered by proportion when the budget cannot be computed (no model named): halving
 * the batch halves the activations whatever the model is, and a length change scales the KV cache linearly and eager
 * attention scores by its square.
 */
final class Scaling {
    private static final Pattern FROM_TO = Pattern.compile("(?i)(?<![\\w-])(?:--?)?(batch(?:[-_ ]size)?|seq(?:uence)?"
            + "(?: length)?|context(?: length)?|max[-_]length|max[-_]seq[-_]length|max[-_]model[-_]len|num[-_]ctx"
            + "|n[-_]ctx|ctx[-_]size|c)\\b[^.?\\d]{0,30}?(?:from\\s+(\\d+)\\s+)?(?:to\\s+|=\\s*|\\s+)(\\d+)");

    private Scaling() {}

    /** The proportional effect, or null when the text names no from/to change of batch or length. */
    static String of(String text, Facts held) {
        var m = FROM_TO.matcher(text);
        if (!m.find()) return null;
        boolean batch = m.group(1).toLowerCase(Locale.ROOT).startsWith("batch");
        Integer from = m.group(2) != null ? Integer.valueOf(m.group(2)) : batch ? held.batch() : held.seqLen();
        int to = Integer.parseInt(m.group(3));
        if (from == null || from <= 0 || to <= 0 || from == to) return null;
        double r = (double) to / from;
        String ratio = String.format(Locale.ROOT, "%.2f", r) + (r == 0.5 ? Messages.get("scaling.half")
                : r == 2 ? Messages.get("scaling.double") : "");
        return batch ? Messages.get("scaling.batch", from, to, ratio)
                : Messages.get("scaling.length", from, to, ratio, String.format(Locale.ROOT, "%.2f", r * r));
    }
}
