package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How much do two 2.7B models take in fp32?", "the two 7B models in 8-bit": a DPO policy beside its reference, a
 * scorer beside a reference model, are each a whole copy of the weights, so the weights are the count times one
 * model's. The size is the one the turn says (in the phrase or elsewhere in the turn); a count of models with no size
 * said computes nothing, since two models named apart need not be the same size.
 */
final class ModelCopies {
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:how (?:much|big|large)|what)\\b|多少|多大");
    /** "two 2.7B models", "the two 7B models", "both models", "3 models": a count of models, its size if said. */
    private static final Pattern COPIES = Pattern.compile("(?i)\\b(two|three|four|both|[2-8])\\s+(?:of (?:the|these)"
            + "\\s+)?(?:(\\d+(?:\\.\\d+)?)\\s*([bm])\\s+)?(?:[a-z]+\\s+)?models\\b");
    private static final Map<String, Integer> WORDS = Map.of("two", 2, "both", 2, "three", 3, "four", 4);
    private static final double BILLION = 1e9;
    private static final double MILLION = 1e6;
    private static final double FP32 = 4.0;
    private static final double HALF = 2.0;

    private ModelCopies() {}

    /** The line "N models of P parameters × B bytes = N × one = total", or null. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        Matcher m = COPIES.matcher(t);
        if (!m.find()) return null;
        String word = m.group(1).toLowerCase(Locale.ROOT);
        int copies = WORDS.containsKey(word) ? WORDS.get(word) : Integer.parseInt(word);
        Double params = Sizes.params(t);
        if (m.group(2) != null) {
            params = Double.parseDouble(m.group(2)) * (m.group(3).equalsIgnoreCase("b") ? BILLION : MILLION);
        }
        if (params == null) return null;
        Object[] type = Sizes.namedFirst(WeightsAtPrecision.TYPES, t);
        double bytes = type != null ? (Double) type[1] : "fp32".equals(a.facts().precision()) ? FP32 : HALF;
        String name = type != null ? (String) type[2] : bytes == FP32 ? "fp32" : "16-bit";
        double one = params * bytes;
        return Messages.get("copies.line", copies, Sizes.count(params), Sizes.trim(bytes), name, copies,
                Sizes.decimal(one), Sizes.decimal(copies * one), Sizes.human(copies * one));
    }
}
