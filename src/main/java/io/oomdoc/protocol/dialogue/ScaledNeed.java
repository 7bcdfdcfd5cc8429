package io.oomdoc.protocol.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "The authors say 480x640 takes about 31 GB. If memory scales with the pixels, what should my 480x864 take?": a need
 * measured at one image size, asked at another, is that need times the ratio of the pixels. What grows with the
 * pixels (activations, latents) scales so; the weights do not, so the figure is an upper bound.
 */
final class ScaledNeed {
    private static final String SIZE = Resolutions.WIDTH_BY_HEIGHT;
    /** "480x640 takes about 31 GB", "1024x1024 used 18.5 GB": a size and what it was measured to need. */
    private static final Pattern MEASURED = Pattern.compile("(?i)" + SIZE + "\\s+(?:\\w+\\s+){0,3}?(?:takes?|uses?"
            + "|used|took|needs?|needed|consumes?|requires?)\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s*)?"
            + "(\\d+(?:\\.\\d+)?)\\s*(gb|gib|mb|mib)\\b");
    /** The turn asks what another size would need. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bwhat (?:should|would|will|might|could)\\b"
            + "|\\bhow much (?:should|would|will|might)\\b|\\bexpect\\b");
    private static final Pattern ANY_SIZE = Pattern.compile(SIZE);

    private ScaledNeed() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        Matcher m = MEASURED.matcher(t);
        if (!m.find()) {
            m = MEASURED.matcher(a.withContext());
            if (!m.find()) return null;
        }
        long before = Long.parseLong(m.group(1)) * Long.parseLong(m.group(2));
        String said = m.group(1) + "×" + m.group(2);
        for (Matcher s = ANY_SIZE.matcher(t); s.find(); ) {
            long now = Long.parseLong(s.group(1)) * Long.parseLong(s.group(2));
            if (now == before) continue;
            double r = (double) now / before;
            double need = Double.parseDouble(m.group(3)) * r;
            String unit = m.group(4).toUpperCase(java.util.Locale.ROOT).replace("IB", "iB");
            return Messages.get("need.scaled", said, m.group(3), unit, s.group(1) + "×" + s.group(2), Sizes.trim(r),
                    Sizes.trim(need), unit);
        }
        return null;
    }
}
