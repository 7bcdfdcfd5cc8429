package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "An image is 576 tokens, so 8 frames are 576*8?", "729 tokens per image, a 2x2 merge cuts that by 4x: how many for 8
 * frames?": a vision-language model feeds each image or frame as its own tokens, divided by a patch merge when there
 * is one, so the sequence is tokens per image ÷ merge × frames.
 */
final class VisualTokens {
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow many\\b|\\?");
    /** "729 tokens per image", "an image is 576 tokens". */
    private static final Pattern PER_IMAGE = Pattern.compile("(?i)(?<![\\w.])(\\d{2,5})\\s+(?:visual\\s+)?tokens?\\s+"
            + "(?:per|an?|each|for (?:an?|one|each))\\s+(?:image|frame|picture)\\b|\\b(?:an?|each|one) (?:image|frame"
            + "|picture) is (\\d{2,5})\\s+tokens?\\b");
    /** "8 frames", "16 images". */
    private static final Pattern COUNT = Pattern.compile("(?i)(?<![\\w.*])(\\d{1,4})\\s+(?:video\\s+)?(?:frames|images"
            + "|pictures)\\b");
    /** "cuts that by 4x", "a 2x2 patch merge": what a merge divides each image's tokens by. */
    private static final Pattern BY = Pattern.compile("(?i)\\bby\\s+(\\d{1,2})\\s*[x×]\\b(?!\\s*\\d)");
    private static final Pattern MERGE = Pattern.compile("(?i)(?<![\\w.])(\\d)\\s*[x×]\\s*(\\d)\\s+(?:patch\\s+)?"
            + "(?:merg|pool)");

    private static final double GROUPED = 10_000;

    private VisualTokens() {}

    /** The arithmetic line and the rule line, or null. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        Matcher per = PER_IMAGE.matcher(t);
        Matcher count = COUNT.matcher(t);
        if (!per.find() || !count.find()) return null;
        double tokens = Double.parseDouble(per.group(1) != null ? per.group(1) : per.group(2));
        long frames = Long.parseLong(count.group(1));
        if (frames < 2) return null;
        Matcher by = BY.matcher(t);
        Matcher merge = MERGE.matcher(t);
        long divide = by.find() ? Long.parseLong(by.group(1)) : merge.find()
                ? Long.parseLong(merge.group(1)) * Long.parseLong(merge.group(2)) : 1;
        double each = tokens / divide;
        String line = divide > 1
                ? Messages.get("tokens.merged", fmt(tokens), divide, fmt(each), frames, fmt(each * frames))
                : Messages.get("tokens.frames", fmt(tokens), frames, fmt(each * frames));
        return line + "\n" + Messages.get("tokens.rule");
    }

    /** 4608 and 182.25 as a count of tokens is written; 50,688 grouped from five digits on. */
    private static String fmt(double v) {
        String grouped = v >= GROUPED ? "," : "";
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%" + grouped + ".0f", v)
                : String.format(Locale.ROOT, "%" + grouped + ".2f", v);
    }
}
