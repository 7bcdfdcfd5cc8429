package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "They say training needs about 8 V100 32G: how much total memory is that?": cards × memory per card, said with the
 * reason the total is no single pool (each card holds only what is placed on it). "How much total memory is 8 x 48
 * against 4 x 80?" gets one total per setup; "17.98 GB of weights on each of the four cards, so what is the whole
 * model?" is the same product.
 */
final class CardsTotal {
    private static final Pattern ASKS = Pattern.compile("(?i)\\btotal (?:gpu )?(?:memory|vram)\\b|\\b(?:memory|vram)"
            + " (?:is that )?(?:in total|altogether|combined)\\b|\\bhow much is (?:that|this) (?:together|altogether"
            + "|in total)\\b|\\bwhole model\\b");
    /** "8 V100 32G", "4 x A100 80GB", "8 x 24 GB", "4 RTX6000 GPUs with 48GB": how many cards, each one's memory. */
    private static final Pattern CARDS = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4})\\s*[x×]?\\s*(?:(?:nvidia|tesla"
            + "|rtx|geforce)\\s+)?[a-z]{1,4}\\d{2,4}\\w*(?:\\s+(?:gpus?|cards?)\\s+with)?\\s+(\\d{1,3})\\s*"
            + "(?:gb|gib|g)\\b|(?<![\\w.])(\\d{1,4})\\s*[x×]\\s*(\\d{1,3})\\s*(?:gb|gib|g)\\b");
    /** "8 x 48 against 4 x 80": bare products, read as cards × GB only when the total memory is asked. */
    private static final Pattern BARE = Pattern.compile("(?<![\\w.])(\\d{1,3})\\s*[x×]\\s*(\\d{1,3})(?![\\w.])");
    /** "17.98 GB of weights on each of the four cards": a size per card, then how many cards. */
    private static final Pattern EACH = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(?:gb|gib|g)\\b[^.?]{0,40}?\\beach"
            + " of (?:the |my |its )?(\\d{1,4}|two|three|four|six|eight|sixteen) (?:cards|gpus)\\b");
    private static final Map<String, Integer> WORDS = Map.of("two", 2, "three", 3, "four", 4, "six", 6, "eight", 8,
            "sixteen", 16);

    private CardsTotal() {}

    /** The arithmetic line (one per setup named) and the rule line, or null. */
    static String of(Calculations.Ask a) {
        if (!ASKS.matcher(a.text()).find()) return null;
        List<String> lines = new ArrayList<>();
        Matcher m = CARDS.matcher(a.text());
        while (m.find()) {
            long cards = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(3));
            double each = Double.parseDouble(m.group(1) != null ? m.group(2) : m.group(4));
            if (cards >= 2) lines.add(total(cards, each));
        }
        if (lines.isEmpty() && a.text().matches("(?is).*\\btotal (?:gpu )?(?:memory|vram)\\b.*")) {
            Matcher b = BARE.matcher(a.text());
            while (b.find()) {
                long cards = Long.parseLong(b.group(1));
                if (cards >= 2) lines.add(total(cards, Double.parseDouble(b.group(2))));
            }
        }
        Matcher e = EACH.matcher(a.text());
        if (lines.isEmpty() && e.find()) {
            String n = e.group(2).toLowerCase(java.util.Locale.ROOT);
            lines.add(total(WORDS.containsKey(n) ? WORDS.get(n) : Long.parseLong(n), Double.parseDouble(e.group(1))));
        }
        if (lines.isEmpty()) return null;
        lines.add(Messages.get("cards.rule"));
        return String.join("\n", lines);
    }

    private static String total(long cards, double each) {
        return Messages.get("cards.total", cards, plain(each), plain(cards * each));
    }

    /** 17.98 stays 17.98 (the figure as the user wrote it), 71.92 too; 80.0 is 80. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 100) / 100.0).stripTrailingZeros().toPlainString();
    }
}
