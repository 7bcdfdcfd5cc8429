package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What does ~13.4 KB/token come to at my 98192 context?", "what if I cut --ctx to 32768?" after the cache per token
 * was said: a KV cache is bytes per token × tokens × sequences. The bytes per token are the ones said ("13.4
 * KB/token") or read from a total said before ("175,856 tokens in 18.78 GiB", "2 x 262144 tokens need 131072 MB");
 * the tokens are the turn's. A turn that gives no token count, or that itself derives the bytes per token, gets
 * nothing from here.
 */
final class PerTokenCache {
    private static final String UNIT = "(kb|kib|mb|mib|gb|gib)";
    /** "~13.4 KB/token", "0.25 MB per token". */
    private static final Pattern PER_TOKEN = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*" + UNIT
            + "\\s*(?:/|per\\s+)tokens?\\b");
    /** "175,856 tokens in 18.78 GiB", "2 x 262144 tokens need 131072 MB". */
    private static final Pattern TOKENS_IN = Pattern.compile("(?i)(?:(?<![\\w.])(\\d{1,3})\\s*[x×]\\s*)?(?<![\\w.,])"
            + "(\\d[\\d,]*)\\s+tokens?\\s+(?:in|need|needs|take|takes|use|uses|=)\\s+~?(\\d+(?:\\.\\d+)?)\\s*" + UNIT
            + "\\b");
    /** "0.19 GiB for 4128 tokens". */
    private static final Pattern SIZE_FOR = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*" + UNIT + "\\s+for\\s+"
            + "(\\d[\\d,]*)\\s+tokens?\\b");
    /** The tokens asked: "at my 98192 context", "--ctx to 32768", "200000 tokens", "one 1024-token sequence". */
    private static final Pattern ASKED = Pattern.compile("(?i)(?<![\\w.,])(\\d[\\d,]*k?)\\s*(?:-\\s*)?(?:tokens?"
            + "|context)\\b|(?:\\bctx|context|max[-_ ]model[-_ ]len|max[-_ ]seq[-_ ]len|n[-_]ctx|num[-_]ctx)"
            + "(?:\\s+(?:length|size))?\\s*(?:to|=|of|at)?\\s*(\\d[\\d,]*k?)(?![\\w.])");
    /** "for 4 slots", "keep 2 sequences": the sequences that each hold that many tokens. */
    private static final Pattern SEQUENCES = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4})\\s+(?:slots|sequences|seqs"
            + "|requests|users|streams)\\b");
    private static final Pattern ASKS = Pattern.compile("(?i)\\bwhat\\b|\\bhow (?:much|big)\\b|\\?");
    private static final double KILO = 1024;

    private PerTokenCache() {}

    /** Bytes per token, the unit the figure was said in, and the figure as said (or computed). */
    private record PerToken(double bytes, double unit, String said) {}

    /** The arithmetic line and the rule line, or null. */
    static String of(Calculations.Ask a) {
        String text = Ratios.ungrouped(a.text());
        // "0.19 GiB for 4128 tokens: how much per token?" derives the figure: that is Ratios' share, not this
        if (!ASKS.matcher(text).find() || TOKENS_IN.matcher(text).find() || SIZE_FOR.matcher(text).find()) {
            return null;
        }
        Matcher asked = ASKED.matcher(text.replaceAll("(?i)(\\d+(?:\\.\\d+)?)\\s*" + UNIT + "\\s*(?:/|per\\s+)"
                + "tokens?\\b", " "));
        if (!asked.find()) return null;
        long tokens = count(asked.group(1) != null ? asked.group(1) : asked.group(2));
        PerToken per = perToken(text);
        if (per == null) per = perToken(Ratios.ungrouped(a.withContext()));
        if (per == null || tokens <= 0) return null;
        Matcher s = SEQUENCES.matcher(text);
        long sequences = s.find() ? Long.parseLong(s.group(1)) : 1;
        double bytes = per.bytes() * tokens * sequences;
        String total = per.unit() >= 1 << 20 && per.unit() < 1 << 30
                ? String.format(Locale.ROOT, "%.0f MB", bytes / per.unit()) + " = " + Sizes.human(bytes)
                : Sizes.decimal(bytes) + " (" + Sizes.human(bytes) + ")";
        String times = sequences > 1 ? " × " + sequences : "";
        return Messages.get("pertoken.total", per.said(), String.format(Locale.ROOT, "%,d", tokens), times,
                total) + "\n" + Messages.get("pertoken.rule");
    }

    /** The bytes per token said, or derived from a total said over its tokens; null when neither is. */
    private static PerToken perToken(String text) {
        Matcher m = PER_TOKEN.matcher(text);
        if (m.find()) {
            return new PerToken(Double.parseDouble(m.group(1)) * unit(m.group(2)), unit(m.group(2)),
                    m.group(1) + " " + m.group(2));
        }
        m = TOKENS_IN.matcher(text);
        if (m.find()) {
            double n = Double.parseDouble(m.group(2).replace(",", "")) * (m.group(1) == null ? 1
                    : Double.parseDouble(m.group(1)));
            return derived(Double.parseDouble(m.group(3)), m.group(4), n);
        }
        m = SIZE_FOR.matcher(text);
        return m.find() ? derived(Double.parseDouble(m.group(1)), m.group(2),
                Double.parseDouble(m.group(3).replace(",", ""))) : null;
    }

    private static PerToken derived(double size, String unit, double tokens) {
        if (tokens <= 0) return null;
        double bytes = size * unit(unit) / tokens;
        return new PerToken(bytes, unit(unit), Sizes.human(bytes));
    }

    /**
     * KB is decimal, as the logs that print "13.4 KB/token" mean it; MB and GB are taken as engines print them (binary,
     * "131072.00 MB" is 128 GiB), and the total is given back in the unit the figure was said in.
     */
    private static double unit(String u) {
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "kb" -> 1e3;
            case "kib" -> KILO;
            case "mb", "mib" -> KILO * KILO;
            default -> KILO * KILO * KILO;
        };
    }

    private static long count(String s) {
        String d = s.toLowerCase(Locale.ROOT).replace(",", "");
        return d.endsWith("k") ? Long.parseLong(d.substring(0, d.length() - 1)) * (long) KILO : Long.parseLong(d);
    }
}
