package io.oomdoc.protocol.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "They say training needs about 8 V100 32G: how much total memory is that?": cards × memory per card, said with the
 * reason the total is no single pool (each card holds only what is placed on it).
 */
final class CardsTotal {
    private static final Pattern ASKS = Pattern.compile("(?i)\\btotal (?:gpu )?(?:memory|vram)\\b|\\b(?:memory|vram)"
            + " (?:is that )?(?:in total|altogether|combined)\\b");
    /** "8 V100 32G", "4 x A100 80GB", "8 x 24 GB": a count of cards and the memory of each. */
    private static final Pattern CARDS = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4})\\s*[x×]?\\s*(?:(?:nvidia|tesla"
            + "|rtx|geforce)\\s+)?[a-z]{1,4}\\d{2,4}\\w*\\s+(\\d{1,3})\\s*(?:gb|gib|g)\\b"
            + "|(?<![\\w.])(\\d{1,4})\\s*[x×]\\s*(\\d{1,3})\\s*(?:gb|gib|g)\\b");

    private CardsTotal() {}

    /** The arithmetic line and the rule line, or null. */
    static String of(Calculations.Ask a) {
        if (!ASKS.matcher(a.text()).find()) return null;
        Matcher m = CARDS.matcher(a.text());
        if (!m.find()) return null;
        long cards = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(3));
        long each = Long.parseLong(m.group(1) != null ? m.group(2) : m.group(4));
        if (cards < 2) return null;
        return Messages.get("cards.total", cards, each, cards * each) + "\n" + Messages.get("cards.rule");
    }
}
