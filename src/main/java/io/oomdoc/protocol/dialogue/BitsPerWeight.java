package io.oomdoc.protocol.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "And a 13B at 4.0bpw?", "Q5_K_M at about 5.5 bpw?": a quantized checkpoint (EXL2, GGUF, HQQ) said by its bits per
 * weight stores parameters × bits ÷ 8 bytes, whatever the budget's nearest format (8-bit, 4-bit) would round it to.
 * The parameters are the ones the turn names, else the conversation's.
 */
final class BitsPerWeight {
    /** "4.0bpw", "8.5 bpw", "5.5 bits per weight", "4.85 bits/weight". */
    private static final Pattern BITS = Pattern.compile("(?i)(?<![\\w.])(\\d{1,2}(?:\\.\\d{1,3})?)\\s*(?:bpw\\b"
            + "|bits?\\s*(?:per|/)\\s*(?:weight|param\\w*)\\b)");
    private static final double BITS_PER_BYTE = 8;
    private static final double MOST_BITS = 32;

    private BitsPerWeight() {}

    static String of(Calculations.Ask a) {
        Matcher m = BITS.matcher(a.text());
        if (!m.find()) return null;
        double bits = Double.parseDouble(m.group(1));
        if (bits <= 0 || bits > MOST_BITS) return null;
        Double params = Sizes.paramsOf(a.withContext(), a.facts());
        if (params == null) return null;
        double bytes = params * bits / BITS_PER_BYTE;
        return Messages.get("weights.bpw", Sizes.count(params), Sizes.trim(bits), Sizes.decimal(bytes),
                Sizes.human(bytes));
    }
}
