package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "The author says batch_bins 3000000 on 4 V100 32GB used almost all memory. What batch_bins would match my single
 * 24 GB card?": a setting that filled someone's cards, carried to another card in proportion to the memory. What the
 * setting counts (tokens, frames, samples per step) is what fills the memory; the weights' share does not shrink, so
 * the figure is a starting point to lower a little, not a promise.
 */
final class SettingForCard {
    /** "what batch_bins would match", "which --batch-size should I use on": the setting asked about. */
    private static final Pattern ASKED = Pattern.compile("(?i)\\b(?:what|which)\\s+([\\w-]+(?: size)?)\\s+(?:would"
            + "|should|could|will|do|can|to)\\b");
    /** "on 4 V100 32GB", "on 8x A100 80 GB", "on two 24 GB cards": their cards and each one's memory. */
    private static final Pattern THEIRS = Pattern.compile("(?i)\\bon\\s+(\\d+)\\s*(?:x\\s*)?(?:[A-Za-z][\\w-]*\\s+)?"
            + "(\\d+)\\s*(?:gb|g)\\b");
    /** "my single 24 GB card", "my 12GB GPU". */
    private static final Pattern MINE = Pattern.compile("(?i)\\bmy\\s+(?:single\\s+|one\\s+|own\\s+)?(\\d+)\\s*(?:gb|g)"
            + "\\b");

    private SettingForCard() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        Matcher asked = ASKED.matcher(t), theirs = THEIRS.matcher(t), mine = MINE.matcher(t);
        if (!asked.find() || !theirs.find() || !mine.find()) return null;
        String key = KnobChange.key(asked.group(1));
        KnobChange.Setting before = null;
        for (KnobChange.Setting s : KnobChange.settings(t)) if (s.key().equals(key)) { before = s; break; }
        if (before == null) return null;
        int cards = Integer.parseInt(theirs.group(1));
        double each = Double.parseDouble(theirs.group(2)), have = Double.parseDouble(mine.group(1));
        if (cards <= 0 || each <= 0 || have <= 0) return null;
        double r = have / (cards * each);
        return Messages.get("setting.card", before.name(), count(before.value()), cards, Sizes.trim(each),
                Sizes.trim(cards * each), Sizes.trim(have), Sizes.trim(r), before.name(), count(before.value() * r));
    }

    private static String count(double v) { return String.format(Locale.ROOT, "%,.0f", v); }
}
