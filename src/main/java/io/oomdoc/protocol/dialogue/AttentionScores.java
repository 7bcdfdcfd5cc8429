package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How big is the attention matrix for 720x1280?": self-attention over an image's pixels (or patches) makes one token
 * per pixel (or patch), and the score matrix of one head holds tokens² values. The square is what runs out.
 */
final class AttentionScores {
    private static final Pattern ATTENTION = Pattern.compile("(?i)\\battention\\b|\\battend\\w*");
    private static final Pattern PATCH = Pattern.compile("(?i)(?<![\\w.])(\\d{1,3})\\s*[x×]\\s*(\\d{1,3})\\s*"
            + "(?:-\\s*)?(?:pixel\\s+)?patch");
    private static final Pattern IMAGE = Pattern.compile("(?i)(?<![\\w.])(\\d{2,5})\\s*[x×]\\s*(\\d{2,5})(?![\\d.])"
            + "(?!\\s*(?:-\\s*)?(?:pixel\\s+)?patch)");
    /** Scores are usually kept in fp32 for the softmax. */
    private static final double BYTES = 4;
    /** Below this many tokens the matrix is too small to be what a question about memory is about. */
    private static final double MIN_TOKENS = 1000;

    private AttentionScores() {}

    static String of(Calculations.Ask a) {
        if (!ATTENTION.matcher(a.text()).find()) return null;
        Matcher img = IMAGE.matcher(a.text());
        if (!img.find()) {
            img = IMAGE.matcher(a.withContext());
            if (!img.find()) return null;
        }
        long h = Long.parseLong(img.group(1));
        long w = Long.parseLong(img.group(2));
        Matcher p = PATCH.matcher(a.text());
        boolean patches = p.find();
        double tokens = patches ? Math.ceil((double) h / Long.parseLong(p.group(1)))
                * Math.ceil((double) w / Long.parseLong(p.group(2))) : (double) h * w;
        if (tokens < MIN_TOKENS) return null;
        double bytes = tokens * tokens * BYTES;
        String unit = patches ? Messages.get("attention.patches", p.group(1) + "×" + p.group(2)) : "";
        return Messages.get("attention.scores", h + "×" + w, unit, String.format(Locale.ROOT, "%,.0f", tokens),
                Sizes.decimal(bytes), Sizes.human(bytes));
    }
}
