package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How many X" answered by a product of the user's counts: "3 segments per video. with batch 128, how many frames?"
 * (3 × 128 = 384), "each image becomes 576 visual tokens. how many tokens do 20 images add?" (576 × 20 = 11,520),
 * "3 candidates of 150 tokens each" (450), "four choices of 512 tokens ... a batch of 8" (16,384), and a batch of 4
 * articles under num_beams=128 said before (512 hypotheses). The rate is the count of the thing asked, or one said per
 * something; every other factor is a count of things a batch holds. A count of gigabytes or cards is never a factor.
 */
final class ItemsProduct {
    private static final Pattern ASKED = Pattern.compile("(?i)\\bhow many ([a-z]+)\\b");
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d{1,6}|two|three|four|five|six|seven|eight|nine|ten)";
    /** A number and its noun, with at most one word between ("576 visual tokens", "4 articles"). */
    private static final Pattern COUNT = Pattern.compile("(?i)(?<![\\w.,])" + NUMBER + "\\s+([a-z]+)(?:[- ]([a-z]+))?");
    /** "3 segments per video", "150 tokens each": the count is a rate. */
    private static final Pattern PER = Pattern.compile("(?i)\\s+(?:per|for each|each)\\b");
    /** "batch 128", "a batch of 8", "my batch is 4 articles": the batch said. */
    private static final Pattern BATCH = Pattern.compile("(?i)\\bbatch(?: size)?(?: of| is| =|=)?\\s*(\\d{1,5})\\b");
    private static final Pattern BEAMS = Pattern.compile("(?i)\\bnum_beams\\s*=\\s*(\\d{1,4})");
    /** The things a batch holds, each multiplying what it carries. */
    private static final Pattern THINGS = Pattern.compile("(?i)images?|frames?|videos?|clips?|samples?|examples?"
            + "|sequences?|candidates?|choices?|articles?|prompts?|documents?|segments?|crops?|patches?|views?"
            + "|questions?|sentences?|pages?|chunks?");
    private static final Pattern BEAM_UNITS = Pattern.compile("(?i)hypothes[ie]s|beams?|candidates?");
    private static final Map<String, Long> WORDS = Map.of("two", 2L, "three", 3L, "four", 4L, "five", 5L, "six", 6L,
            "seven", 7L, "eight", 8L, "nine", 9L, "ten", 10L);

    private ItemsProduct() {}

    /** The product line, or null. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        Matcher asked = ASKED.matcher(t);
        if (!asked.find()) return null;
        String unit = stem(asked.group(1));
        Long rate = null;
        String rateNoun = null;
        List<Long> factors = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (Matcher m = COUNT.matcher(t); m.find(); ) {
            // the count inside "how many tokens" is no count, nor one at the asked position
            if (m.start() >= asked.start() && m.start() < asked.end()) continue;
            long n = value(m.group(1));
            // the noun is the first word, or the second after one describing it ("576 visual tokens")
            boolean first = THINGS.matcher(m.group(2)).matches() || stem(m.group(2)).equals(unit);
            String word = first || m.group(3) == null ? m.group(2) : m.group(3);
            int end = first || m.group(3) == null ? m.end(2) : m.end(3);
            String noun = stem(word);
            boolean per = PER.matcher(t).region(end, t.length()).lookingAt();
            if (rate == null && (noun.equals(unit) || per && THINGS.matcher(word).matches())) {
                rate = n;
                rateNoun = t.substring(m.start(2), end);
            } else if (THINGS.matcher(word).matches() && !noun.equals(unit)) {
                factors.add(n);
                shown.add(count(n) + " " + word);
            }
        }
        addBatch(t, factors, shown);
        Matcher beams = BEAMS.matcher(t + "\n" + a.earlier());
        if (rate == null && BEAM_UNITS.matcher(asked.group(1)).matches() && beams.find()) {
            rate = Long.parseLong(beams.group(1));
            rateNoun = "num_beams";
        }
        if (rate == null || factors.isEmpty()) return null;
        long product = rate;
        for (long f : factors) product *= f;
        return Messages.get("items.product", count(rate) + " " + rateNoun, String.join(" × ", shown),
                count(product), asked.group(1));
    }

    /** The batch the turn states, as one more factor; "my batch is 4 articles" is already counted by its noun. */
    private static void addBatch(String t, List<Long> factors, List<String> shown) {
        Matcher b = BATCH.matcher(t);
        if (b.find() && !factors.contains(Long.parseLong(b.group(1)))) {
            factors.add(Long.parseLong(b.group(1)));
            shown.add(Messages.get("items.batch", b.group(1)));
        }
    }

    private static long value(String s) {
        Long w = WORDS.get(s.toLowerCase(Locale.ROOT));
        return w != null ? w : Long.parseLong(s.replace(",", ""));
    }

    /** "tokens" and "token", "hypotheses" and "hypothesis" are the same unit. */
    private static String stem(String noun) {
        String n = noun.toLowerCase(Locale.ROOT);
        if (n.endsWith("ses") && n.startsWith("hypothes")) return "hypothesis";
        return n.endsWith("s") ? n.substring(0, n.length() - 1) : n;
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
