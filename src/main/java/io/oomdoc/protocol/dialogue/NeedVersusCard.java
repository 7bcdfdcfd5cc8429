package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "the example takes about 33 GB. mine is the 32 GB V100": a need the user quotes, set against what holds it, the
 * host RAM when the turn is about RAM and the card otherwise; over or within, and by how much.
 */
final class NeedVersusCard {
    private static final Pattern NEED = Pattern.compile("(?i)\\b(?:takes?|taking|needs?|needed|requires?|required"
            + "|uses?|used|peak(?:ed|s)?|consumes?)\\s+(?:at\\s+|above\\s+|around\\s+|about\\s+|roughly\\s+|~\\s*"
            + "|over\\s+|at least\\s+|up to\\s+)*(\\d+(?:\\.\\d+)?)\\s*(gb|gib|g)\\b");
    private static final Pattern RAM = Pattern.compile("(?i)(?<!gpu |video )\\bram\\b");

    private NeedVersusCard() {}

    static String of(Calculations.Ask a) {
        Matcher m = NEED.matcher(a.text());
        if (!m.find()) return null;
        String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
        long need = Bytes.parse(m.group(1), unit.equals("g") ? "gib" : unit);
        Facts f = a.facts();
        boolean host = RAM.matcher(a.text()).find() && f.hostRamBytes() != null;
        Long have = host ? f.hostRamBytes() : f.gpuMemBytes();
        if (have == null || have <= 0) return null;
        String what = Messages.get(host ? "need.host" : "need.card");
        return need > have ? Messages.get("need.over", Sizes.human(need), what, Sizes.human(have),
                Sizes.human(need - have)) : Messages.get("need.within", Sizes.human(need), what, Sizes.human(have),
                Sizes.human(have - need));
    }
}
