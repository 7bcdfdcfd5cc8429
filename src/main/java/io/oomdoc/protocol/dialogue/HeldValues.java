package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value asked about without its name, which the setup held names for it: "will 28k fit?" after a 32k context is
 * asked at 28k, not at the 32k held; "what if I use rank 8?" in a LoRA run is the adapter's rank, not a GPU's (ux14
 * row 19, unslothai/unsloth#2937). The fact reader alone cannot tell; the conversation's facts can.
 */
final class HeldValues {
    /** "28k", "24.5k": a length in thousands of tokens, not a count of steps, samples or bytes. */
    private static final Pattern THOUSANDS = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4}(?:\\.\\d)?)\\s?k\\b(?!\\s*"
            + "(?:gb|gib|mb|mib|steps?|samples?|examples?|images?|rows?|iterations?|vocab|params|parameters|words?))");
    /** "rank 8", "rank=8", "a rank of 8". */
    private static final Pattern RANK = Pattern.compile("(?i)\\brank\\s*(?:of\\s+|=\\s*|:\\s*)?(\\d{1,4})\\b");
    private static final int MIN_SEQ = 256;
    private static final int K = 1024;

    private HeldValues() {}

    /** The values the turn asks about, named by the facts held; empty when it names its own or none applies. */
    static Facts of(String text, Facts held, Facts said) {
        Facts out = Facts.EMPTY;
        Matcher k = THOUSANDS.matcher(text);
        if (held.seqLen() != null && said.seqLen() == null && k.find()) {
            int v = (int) Math.round(Double.parseDouble(k.group(1)) * K);
            if (v >= MIN_SEQ) out = out.with(b -> b.seqLen(v));
        }
        Matcher r = RANK.matcher(text);
        boolean lora = Boolean.TRUE.equals(held.lora()) || held.loraRank() != null;
        if (lora && said.loraRank() == null && r.find()) {
            int v = Integer.parseInt(r.group(1));
            out = out.with(b -> b.loraRank(v));
        }
        return out;
    }
}
