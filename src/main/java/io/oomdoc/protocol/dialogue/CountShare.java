package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count of samples spread over cards, said in the things counted rather than as a batch setting: "16 images over 4
 * cards is how many per card?" (16 / 4 = 4), "32 per GPU over 8 GPUs would be a total of what?" (32 × 8 = 256), "if
 * 32 were the total across the 8 GPUs" (32 / 8 = 4), and "the authors trained on 16 A100s. how many images is that per
 * GPU?" after "one forward need to process 1536 images" (1536 / 16 = 96). The count and the cards are the user's own
 * numbers; BatchArithmetic reads the same sums when they are said as batch settings.
 */
final class CountShare {
    /** "how many per card?", "is 2 per GPU?", "a total of what?": the turn asks a share or a total. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow many\\b|\\bwhat\\b|\\?|？");
    private static final Pattern ASKS_TOTAL = Pattern.compile("(?i)\\b(?:a |the |in )?total\\b[^.?]{0,12}"
            + "\\b(?:of what|what|is that)|\\bhow many (?:in all|altogether|in total)|\\b(?:in all|altogether)\\b");
    private static final Pattern ASKS_SHARE = Pattern.compile("(?i)\\bper (?:gpu|card|device)\\b"
            + "|\\b(?:on )?each (?:gpu|card|device)\\b");
    /** "16 images", "1536 images", "16 crops": a count of the things a batch holds. */
    private static final Pattern ITEMS = Pattern.compile("(?i)(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d{1,6})\\s+"
            + "(?:images|crops|samples|clips|videos|sequences|frames|examples|patches|articles|prompts)\\b");
    /** "32 per GPU": a share said. */
    private static final Pattern PER_CARD = Pattern.compile("(?i)(?<![\\w.])(\\d{1,6})\\s+(?:\\w+\\s+)?per (?:gpu"
            + "|card|device)\\b");
    /** "if 32 were the total", "a total of 32": a total said with no noun. */
    private static final Pattern TOTAL = Pattern.compile("(?i)(?<![\\w.])(\\d{1,6})\\s+(?:were|was|is)\\s+the total\\b"
            + "|\\btotal (?:batch )?of (\\d{1,6})\\b");
    /** "4 cards", "8 GPUs", "16 A100s", "4 x 3090s", "the 8 GPUs": how many cards. */
    private static final Pattern CARDS = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4})\\s*(?:x\\s*)?(?:(?:nvidia|tesla"
            + "|geforce|rtx|gtx)\\s+)?(?:gpus|cards|devices|[avh]\\d{2,3}s|a\\d{4}s|\\d{4}s|\\d{4} ?tis)\\b");

    private CountShare() {}

    /** The share or the total, with the rule line, or null. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        Long cards = first(CARDS, t);
        if (cards == null || cards < 2) return null;
        Long per = first(PER_CARD, t);
        if (ASKS_TOTAL.matcher(t).find() && per != null) {
            return Messages.get("count.total", count(per), cards, count(per * cards)) + "\n"
                    + Messages.get("batch.rule");
        }
        if (!ASKS_SHARE.matcher(t).find()) return null;
        Long total = first(TOTAL, t);
        if (total == null) total = first(ITEMS, t);
        // "how many images is that per GPU?": the count said in the turns before, the newest first
        if (total == null && per == null) total = first(ITEMS, a.earlier());
        if (total == null || total < cards) return null;
        double share = (double) total / cards;
        String s = share == Math.rint(share) ? count((long) share) : Sizes.trim(share);
        return Messages.get("batch.per", total, cards, s) + "\n" + Messages.get("batch.rule");
    }

    /** The first number the pattern reads (its first group that matched), or null. */
    private static Long first(Pattern p, String t) {
        Matcher m = p.matcher(t);
        if (!m.find()) return null;
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) return Long.parseLong(m.group(g).replace(",", ""));
        }
        return null;
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
