package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Someone said the 7B needs 27 GB, why that much?": the model's weights in every format, and which one the quoted
 * figure is. Most sizes people quote are a parameter count times 4, 2, 1 or half a byte.
 */
final class FormatTable {
    private static final Pattern WHY = Pattern.compile("(?i)\\bwhy\\b|how come|\\bneeds?\\b|\\brequires?\\b"
            + "|\\b(?:that|so) much\\b|\\bhow (?:is|does|can)\\b|\\bshould(?:n'?t)? (?:be|take|fit)\\b");
    private static final Pattern SIZE = Pattern.compile("(?i)(?<![\\w.])~?(\\d+(?:\\.\\d+)?)\\s*(gb|gib|g)\\b");
    /**
     * "How much memory does a 125m model need?": the weights in every format answer it; a question about training
     * needs more than the weights and is the budget's.
     */
    private static final Pattern NEEDS = Pattern.compile("(?i)\\bhow much\\b(?:(?!\\b(?:train\\w*|fine[- ]?tun\\w*"
            + "|finetun\\w*|batch\\w*|context|seq\\w*|tokens?)\\b)[^?]){0,60}\\bneeds?\\b");
    private static final Pattern POINTED = Pattern.compile("(?i)\\b(?:that|so|this) (?:big|large|huge)\\b");
    private static final Pattern QUESTION = Pattern.compile("(?i)\\?|\\bhow\\b");
    private static final double[] BYTES = {4, 2, 1, 0.5};
    private static final String[] NAMES = {"fp32", "16-bit", "8-bit", "4-bit"};
    /** A quoted size within this ratio of a format's weights is read as that format. */
    private static final double MATCH = 0.15;

    private static final Pattern OPTIMIZER = Pattern.compile("(?i)\\boptimi[sz]er|\\badam|\\bkv\\b|cache");

    private FormatTable() {}

    /** 28 GB, 1.62 TB: the decimal units model cards and calculators quote. */
    private static String decimal(double bytes) {
        return bytes >= 1e12 ? Sizes.trim(bytes / 1e12) + " TB" : Sizes.trim(bytes / 1e9) + " GB";
    }

    static String of(Calculations.Ask a) {
        // "How big is 405B in fp32 and in bf16?": the whole table; one format named is Sizes' single line.
        // "How much RAM would a 20B need in fp32 and in bf16?": two formats named ask for the table however the
        // question is worded.
        boolean two = Sizes.formatsNamed(a.text()) >= 2 && !OPTIMIZER.matcher(a.text()).find()
                && QUESTION.matcher(a.text()).find();
        boolean asks = two || asksTheTable(a);
        if (!asks && !WHY.matcher(a.text()).find()) return null;
        Double params = params(a, two);
        if (params == null) return null;
        // "why is the file that big?": the size pointed at is the one quoted in the turns before.
        boolean pointed = POINTED.matcher(a.text()).find();
        List<Double> quoted = quoted(a.text());
        if (quoted.isEmpty() && pointed) quoted = quoted(a.withContext());
        if (quoted.isEmpty() && !asks && !pointed) return null;
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < BYTES.length; i++) cells.add(decimal(params * BYTES[i]) + " in " + NAMES[i]);
        String line = Messages.get("formats.table", Sizes.count(params), String.join(", ", cells));
        // "each card ... across 8 shards": the per-card share is the figure asked for, after the whole table.
        String perCard = Sizes.perCard(a.text(), a.facts(), params);
        if (perCard != null) line += " " + perCard;
        String format = whichFormat(quoted, params);
        return format.isEmpty() ? line : line + " " + format;
    }

    /** A size question that one format named would not answer, or a "how much does N need" with a count. */
    private static boolean asksTheTable(Calculations.Ask a) {
        return NEEDS.matcher(a.text()).find() && Sizes.params(a.text()) != null
                || IntentClassifier.asksSize(a.text()) && !OPTIMIZER.matcher(a.text()).find()
                && Sizes.formatsNamed(a.text()) != 1
                || Sizes.asksPerCard(a.text(), a.facts()) && Sizes.formatsNamed(a.text()) != 1;
    }

    /** The parameter count the turn names, else that of the model talked about when the turn points at it. */
    private static Double params(Calculations.Ask a, boolean two) {
        Double params = Sizes.params(a.text());
        if (params != null) return params;
        // "why is the file that big?": the checkpoint of the model talked about.
        if (!two && !a.text().matches("(?is).*\\b(?:it|the model|this model|that model|the (?:file|checkpoint)"
                + "|the \\d+(?:\\.\\d+)?b)\\b.*"))
            return null;
        return Sizes.paramsOf(a.withContext(), a.facts());
    }

    /** Every size the text quotes, in bytes (GiB as binary, GB as decimal). */
    private static List<Double> quoted(String text) {
        List<Double> quoted = new ArrayList<>();
        Matcher m = SIZE.matcher(text);
        while (m.find()) quoted.add(Double.parseDouble(m.group(1)) * (m.group(2).equalsIgnoreCase("gib")
                ? (1L << 30) : 1e9));
        return quoted;
    }

    /** The format a quoted size is (the first that matches), or that it is more than fp32 weights; else nothing. */
    private static String whichFormat(List<Double> quoted, double params) {
        for (double q : quoted) {
            for (int i = 0; i < BYTES.length; i++) {
                if (Math.abs(q / (params * BYTES[i]) - 1) <= MATCH)
                    return Messages.get("formats.match", Sizes.trim(q / 1e9), NAMES[i], Sizes.trim(BYTES[i]));
            }
        }
        double biggest = quoted.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return biggest > params * BYTES[0] * (1 + MATCH) ? Messages.get("formats.more", Sizes.trim(biggest / 1e9)) : "";
    }
}
