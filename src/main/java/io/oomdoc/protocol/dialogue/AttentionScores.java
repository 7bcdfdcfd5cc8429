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
    /** "720x1280", "32*32": a grid of tokens, one per pixel or latent pixel unless patches are said. */
    private static final Pattern IMAGE = Pattern.compile("(?i)(?<![\\w.])(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})"
            + "(?!\\d|\\.\\d)(?!\\s*(?:-\\s*)?(?:pixel\\s+)?patch)");
    /** "at the 64x64 latent level": of two grids said, the latent one is what the attention runs over. */
    private static final Pattern LATENT = Pattern.compile("(?i)^\\W{0,3}(?:\\w+\\s+){0,1}latents?\\b");
    /** Scores are usually kept in fp32 for the softmax. */
    private static final double BYTES = 4;
    /** Below this many tokens the matrix is too small to be what a question about memory is about. */
    private static final double MIN_TOKENS = 1000;

    /** "one attention map at length 6800", "the score matrix for 4096 tokens": a size asked of the matrix itself. */
    private static final Pattern MATRIX = Pattern.compile("(?i)\\battention (?:maps?|matri(?:x|ces)|scores?"
            + "|weights)\\b|\\bscore matri|\\bscores? (?:tensor|matri)");
    /** The score matrix named without the word attention ("one layer's scores tensor"). */
    private static final Pattern SCORES = Pattern.compile("(?i)\\bscores? (?:tensor|matri)");
    /** "max_len 512" and "max_length=512" name the length too: the joined prefix does not hide it. */
    private static final Pattern LENGTH = Pattern.compile("(?i)(?:(?<![a-z])length|(?<![a-z])len"
            + "|\\bseq(?:uence)?(?: length)?|\\bcontext)\\s*(?:of|=|:|is)?\\s*(\\d{3,7})(?!\\d|\\.\\d)"
            + "|(?<![\\w.])(\\d{3,7})\\s*(?:tokens|residues|positions|amino acids)\\b");
    private static final Pattern HEADS = Pattern.compile("(?i)(?<![\\w.])(\\d{1,3})\\s*(?:attention\\s+)?heads\\b");
    private static final Pattern BATCH = Pattern.compile("(?i)\\bbatch(?:[ _]size)?\\s*(?:of|=|:)?\\s*(\\d{1,4})\\b");
    private static final Pattern HALF = Pattern.compile("(?i)\\b(?:fp16|bf16|float16|bfloat16|half)\\b");

    private AttentionScores() {}

    static String of(Calculations.Ask a) {
        // "12 heads, max_len 512: how big is one layer's scores tensor?": the matrix and its heads name attention
        if (!ATTENTION.matcher(a.text()).find()) {
            boolean attention = HEADS.matcher(a.text()).find() || ATTENTION.matcher(a.withContext()).find();
            return SCORES.matcher(a.text()).find() && attention ? sequence(a.text()) : null;
        }
        long[] grid = grid(a.text());
        if (grid == null) {
            String seq = sequence(a.text());
            if (seq != null) return seq;
            grid = grid(a.withContext());
            if (grid == null) return null;
        }
        long h = grid[0];
        long w = grid[1];
        Matcher p = PATCH.matcher(a.text());
        boolean patches = p.find();
        double tokens = patches ? Math.ceil((double) h / Long.parseLong(p.group(1)))
                * Math.ceil((double) w / Long.parseLong(p.group(2))) : (double) h * w;
        if (tokens < MIN_TOKENS) return null;
        boolean half = HALF.matcher(a.text()).find();
        double bytes = tokens * tokens * (half ? 2 : BYTES);
        String unit = patches ? Messages.get("attention.patches", p.group(1) + "×" + p.group(2)) : "";
        return Messages.get("attention.scores", h + "×" + w, unit, String.format(Locale.ROOT, "%,.0f", tokens),
                Sizes.decimal(bytes), Sizes.human(bytes), half ? "16-bit" : "fp32");
    }

    /** The grid the text names: the one said as the latent when there are two, else the first; null when none. */
    private static long[] grid(String text) {
        long[] first = null;
        for (Matcher m = IMAGE.matcher(text); m.find(); ) {
            long[] g = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
            if (LATENT.matcher(text.substring(m.end())).find()) return g;
            if (first == null) first = g;
        }
        return first;
    }

    /**
     * The matrix of a sequence model asked by its length: batch × heads × length² values per layer, in the width
     * named (fp32 unless a 16-bit type is), by the budget engine's count; null unless the matrix and a length are.
     */
    private static String sequence(String text) {
        Matcher len = LENGTH.matcher(text);
        if (!MATRIX.matcher(text).find() || !len.find()) return null;
        long seq = Long.parseLong(len.group(1) != null ? len.group(1) : len.group(2));
        Matcher h = HEADS.matcher(text);
        long heads = h.find() ? Long.parseLong(h.group(1)) : 1;
        Matcher b = BATCH.matcher(text);
        long batch = b.find() ? Math.max(1, Long.parseLong(b.group(1))) : 1;
        int width = HALF.matcher(text).find() ? 2 : (int) BYTES;
        double bytes = io.oomdoc.budget.BudgetEngine.scoreValues(batch, heads, seq) * width;
        return Messages.get("attention.sequence", String.format(Locale.ROOT, "%,d", seq), heads, batch, width,
                Sizes.decimal(bytes), Sizes.human(bytes));
    }
}
