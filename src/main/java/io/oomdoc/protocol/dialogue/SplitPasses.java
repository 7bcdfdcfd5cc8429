package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What if I split every frame into 4 tiles?", "what if I validate one tomogram at a time instead of all three
 * together?": work done in N passes holds, in each pass, 1/N of what grows with the input; the weights stay whole.
 */
final class SplitPasses {
    private static final String COUNT = "(\\d{1,3}|two|three|four|five|six|eight|ten)";
    /** "split every frame into 4 tiles", "cut the image into four pieces". */
    private static final Pattern INTO = Pattern.compile("(?i)\\b(?:split|cut|divide|break|chunk)\\w*\\s+(?:\\S+\\s+)"
            + "{0,4}?into\\s+" + COUNT + "\\s+(?:tiles?|chunks?|pieces?|parts?|slices?|batches|passes|crops?)\\b");
    /** "one tomogram at a time instead of all three together". */
    private static final Pattern ONE_OF = Pattern.compile("(?i)\\bone\\s+(?:\\S+\\s+){0,2}?at a time\\s+instead of\\s+"
            + "(?:all\\s+)?(?:the\\s+)?" + COUNT + "\\b");
    private static final Pattern ASKS = Pattern.compile("(?i)\\bwhat if\\b|\\bif i\\b|\\bwould\\b|\\bshould\\b");
    private static final Map<String, Integer> WORDS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6,
            "eight", 8, "ten", 10);

    private SplitPasses() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        Matcher m = INTO.matcher(t);
        if (!m.find()) {
            m = ONE_OF.matcher(t);
            if (!m.find()) return null;
        }
        String c = m.group(1).toLowerCase(Locale.ROOT);
        int n = WORDS.containsKey(c) ? WORDS.get(c) : Integer.parseInt(c);
        if (n < 2) return null;
        return Messages.get("split.passes", n, Messages.get("split.share." + Math.min(n, 5)), Scaling.ratio(1.0 / n));
    }
}
