package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "and at 3,000,000?" after "how many tokens is 5,000,000 pixels?"; "what if I set 8192?" after "Llama-3.1-8B at its
 * default 128k: how much KV cache does one sequence need?": a turn that is only a new number asks the last calculation
 * again with that number in place of the one like it. The number replaced is the earlier turn's closest in size (a
 * context length replaces a context length, not a model's 8B), and the calculation is whatever the substituted turn
 * calls for, so every calculation row answers its own elliptical follow-up.
 */
final class NumberSubstitution {
    /** A number as written in a turn: "3,000,000", "8192", "1M", "128k", "0.5". */
    /** Digits grouped by commas are one number, except in a bracketed list ("shape[128,128,109,109]"). */
    private static final Pattern NUMBER = Pattern.compile("(?i)(?<![\\w.,])((?<![\\[(])\\d{1,3}(?:,\\d{3})+"
            + "|\\d+(?:\\.\\d+)?)\\s?([km])?(?![\\w.]*\\w)");
    /** Words an elliptical number turn carries besides the number ("and what if I set the full 1M instead?"). */
    private static final Set<String> FILLER = Set.of("and", "what", "if", "i", "we", "set", "use", "try", "at", "with",
            "to", "the", "full", "instead", "about", "how", "then", "so", "it", "of", "a", "an", "now", "go", "say",
            "tokens", "token", "pixels", "px", "or", "just", "only", "up", "down", "make", "change", "value", "is",
            "would", "be", "for");
    /** Replaced and replacing numbers within this factor of each other in size: the same kind of quantity. */
    private static final double MAX_FACTOR = 64;
    /**
     * A number that is not a bare quantity: a memory size or share ("24 GB", "90%"), a card's model number ("RTX
     * 4090", "24 GB 4090"), a count of something else ("8 GPUs").
     */
    private static final Pattern UNIT_AFTER = Pattern.compile("(?i)^\\s?(?:[kmgt]i?b|%|gpus?|cards?|x\\b|b\\b|ti\\b)");
    private static final Pattern CARD_BEFORE = Pattern.compile("(?i)(?:rtx|gtx|rx|quadro|tesla|titan|geforce|radeon"
            + "|arc|[kmgt]i?b)\\s*$");

    private NumberSubstitution() {}

    static String of(Calculations.Ask a) {
        Double now = lone(a.text());
        if (now == null) return null;
        for (String line : a.earlier().split("\n")) {
            Matcher m = NUMBER.matcher(line);
            int start = -1, end = -1;
            double best = Double.MAX_VALUE;
            String was = null;
            while (m.find()) {
                double v = value(m);
                if (v <= 0 || v == now || UNIT_AFTER.matcher(line.substring(m.end())).find()
                        || CARD_BEFORE.matcher(line.substring(0, m.start())).find()) continue;
                double distance = Math.abs(Math.log(v / now));
                if (distance < best && distance <= Math.log(MAX_FACTOR)) {
                    best = distance; start = m.start(); end = m.end(); was = m.group();
                }
            }
            if (was == null) continue;
            String swapped = line.substring(0, start) + number(a.text()) + line.substring(end);
            String computed = Calculations.without(new Calculations.Ask(swapped, swapped, a.facts()), "substitution");
            if (computed != null) return Messages.get("substitute.line", number(a.text()), was.strip(), computed);
        }
        return null;
    }

    /** The value of a turn that is one number and filler words, or null. */
    static Double lone(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) return null;
        double v = value(m);
        if (m.find()) return null;
        String rest = NUMBER.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        for (String w : rest.split("[^a-z]+")) if (!w.isEmpty() && !FILLER.contains(w)) return null;
        return v;
    }

    private static String number(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? m.group().strip() : "";
    }

    private static double value(Matcher m) {
        double v = Double.parseDouble(m.group(1).replace(",", ""));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        return unit.equals("k") ? v * 1_000 : unit.equals("m") ? v * 1_000_000 : v;
    }
}
