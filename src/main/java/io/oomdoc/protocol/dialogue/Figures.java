package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic a question about the numbers of a log asks for: a byte count in MiB ("is 150995968 the same as the
 * 144 MiB?") and what remains of a card ("45460 MiB on a 48 GB card, what is left?").
 */
final class Figures {
    private static final Pattern RAW_BYTES = Pattern.compile("(?<![\\d.,*×x])(\\d{7,13})(?![\\d]|[.,]\\d|\\s*(?:[*×x]"
            + "|tokens?|params?|parameters?|steps?))");
    private static final Pattern SIZE = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(mib|mb|gib|gb|g|m)"
            + "(?![a-z])");
    private static final Pattern LEFT = Pattern.compile("(?i)\\b(?:left|remain\\w*|room|free|spare|rest)\\b");

    private Figures() {}

    /** The computed lines, or null when the question carries no such figure. */
    static String of(String text) {
        List<String> out = new ArrayList<>();
        Matcher raw = RAW_BYTES.matcher(text);
        while (raw.find() && out.size() < 2) {
            long b = Long.parseLong(raw.group(1));
            out.add(Messages.get("figures.bytes", raw.group(1), Sizes.trim(b / (double) (1L << 20)),
                    b >= 1L << 30 ? Messages.get("figures.bytes.big", Sizes.trim(b / (double) (1L << 30)),
                            Sizes.trim(b / 1e9)) : ""));
        }
        if (LEFT.matcher(text).find()) {
            List<Long> sizes = new ArrayList<>();
            Matcher m = SIZE.matcher(text);
            while (m.find()) sizes.add(bytes(m.group(1), m.group(2)));
            if (sizes.size() == 2 && !sizes.get(0).equals(sizes.get(1))) {
                long big = Math.max(sizes.get(0), sizes.get(1)), small = Math.min(sizes.get(0), sizes.get(1));
                out.add(Messages.get("figures.left", Bytes.human(big), Bytes.human(small), Bytes.human(big - small),
                        (big - small) >> 20));
            }
        }
        return out.isEmpty() ? null : String.join("\n", out);
    }

    /** A card's "GB" is read as GiB (a 48 GB card shows 49140 MiB); a log's MB as MiB, as the tools print them. */
    private static long bytes(String number, String unit) {
        double v = Double.parseDouble(number);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "mib", "mb", "m" -> (long) (v * (1L << 20));
            default -> (long) (v * (1L << 30));
        };
    }
}
