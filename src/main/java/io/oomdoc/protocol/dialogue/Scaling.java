package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change of batch or length answered by proportion when the budget cannot be computed (no model named): halving
 * the batch halves the activations whatever the model is, and a length change scales the KV cache linearly and eager
 * attention scores by its square.
 */
final class Scaling {
    /**
     * A count: 2048, 64k (tokens are often said in thousands); seven digits at most, so it always parses. A size is
     * not a count: "the context needs about 6.5 GB", "fits the 29353 MB" name memory, not a length.
     */
    private static final String COUNT = "(\\d{1,7}k?)(?!\\d|\\.\\d|\\s*(?:[kmgt]i?b|g)\\b)";
    // "--batchSize", "ppo_micro_batch_size": a flag may be written in camel case and carry its script's prefix.
    private static final Pattern FROM_TO = Pattern.compile("(?i)(?<![\\w-])(?:--?)?(?:[a-z]+_){0,3}(?:micro[-_ ]?"
            + "|per[-_ ]device[-_ ](?:train[-_ ])?(?:eval[-_ ])?|per[-_ ]gpu[-_ ]|device[-_ ])?(batch(?:[-_ ]?size)?"
            + "|seq(?:uence)?"
            + "(?: length)?|context(?: length)?|max[-_]len(?:gth)?|max[-_]seq[-_]length|max[-_]model[-_]len|num[-_]ctx"
            + "|n[-_]ctx|ctx[-_]size|c)(?:[-_]per[-_](?:gpu|device))?\\b[^.?\\d从]{0,30}?"
            + "(?:(?:from\\s+|从\\s*)" + COUNT
            // 降到 / 改成 / 调到 ("lower to", "change to", "set to"): the Chinese "to" after its verb
            + "\\s*)?(?:to\\s+|=\\s*|(?:降|减|改|调|提高|增加|升|加)(?:到|成|为|至)\\s*|\\s+)" + COUNT
            // "max_len 2048 ... compared to 1024": the old value said after the comparison, a few words on
            + "(?:\\s+tokens?)?(?:[^.?\\d]{0,40}?\\b(?:instead\\s+of|compared\\s+(?:to|with)|vs\\.?|versus"
            + "|rather\\s+than)\\s+" + COUNT + ")?");
    /** "at 128k instead of 64k", "from 64k to 128k tokens": a length in thousands needs no word for it. */
    private static final Pattern THOUSANDS = Pattern.compile("(?i)\\b(\\d{1,6})k\\s+instead\\s+of\\s+"
            + "(?:(?!\\d)[\\w'’]+\\s+){0,4}?(\\d{1,6})k\\b"
            + "|\\bfrom\\s+(\\d{1,6})k\\s+to\\s+(\\d{1,6})k\\b");
    /**
     * "halve the render resolution", "halve num_sample_per_prompt", "what does halving the filters do": what is halved,
     * said in the user's words.
     */
    private static final Pattern HALVE = Pattern.compile("(?i)\\bhalv(?:e|ing)\\s+(?:the\\s+|my\\s+)?([\\w.-]+(?:\\s+"
            + "(?!and\\b|or\\b|to\\b|instead\\b|then\\b|first\\b|do\\b|does\\b|would\\b|will\\b)[\\w.-]+){0,2})");
    /** "half as many frames per clip", "twice as many views": a count changed by a factor said in words. */
    private static final Pattern AS_MANY = Pattern.compile("(?i)\\b(half|twice|double)\\s+as\\s+many\\s+([\\w.-]+"
            + "(?:\\s+(?!and\\b|or\\b|to\\b|instead\\b|then\\b|as\\b)[\\w.-]+){0,2})");
    /**
     * "a clip with half the frames", "half of the points": a count said halved without the verb; "half the card" or
     * "half the layers" is a share of memory or of the model, not a count that halves.
     */
    private static final Pattern HALF_THE = Pattern.compile("(?i)\\bhalf (?:of )?the\\s+(?!(?:card|gpu|memory|vram"
            + "|ram|time|model|weights|layers|price|cost|speed)\\b)([\\w.-]+(?:\\s+"
            + "(?!and\\b|or\\b|to\\b|instead\\b|then\\b|do\\b|does\\b|would\\b|will\\b)[\\w.-]+){0,1})");
    /** 采样帧数减半 ("the sampled frame count halved"), 分辨率减半: the Chinese halving follows its noun. */
    private static final Pattern HALVED_ZH = Pattern.compile("(\\p{IsHan}{1,4})(?:都|再)?减半");
    // A crop is a square's side too; "in both sides", "each dimension": the halving applies to two sides.
    private static final Pattern SIDE = Pattern.compile("(?i)resolution|image|img|res\\b|render|pixel|side|crop"
            + "|分辨率|图像|图片");
    private static final Pattern BOTH_SIDES = Pattern.compile("(?i)\\b(?:in |on |along )?(?:both|each|all)"
            + " (?:sides?|dimensions?|directions?|axes|spatial)|\\bheight and width\\b|\\bwidth and height\\b");

    /**
     * "if attention is quadratic, what does halving the points do?": the user says a term grows with the square of the
     * count, so its share is a quarter, not a half (github.com/skyhehe123/VoxSeT/issues/9).
     */
    private static final Pattern SQUARED = Pattern.compile("(?i)\\bquadratic(?:ally)?\\b|\\bsquared?\\b|\\ball"
            + "[- ]pairs\\b|\\bevery pair\\b|\\bpairwise\\b|n\\^2|n²");
    /** "the input volume", "a 3D crop", "voxels": the input has three sides. */
    private static final Pattern VOLUME = Pattern.compile("(?i)\\b3-?d\\b|\\bvolum|\\bvoxel|\\bcubes?\\b"
            + "|体积|体素");
    /** A radius bounds a neighbourhood: the points inside it go with its square on a surface, its cube in a volume. */
    private static final Pattern RADIUS = Pattern.compile("(?i)\\bradi(?:us|i)\\b");

    private Scaling() {}

    /** The proportional effect, or null when the text names no from/to change of batch or length. */
    /** "split it into 4 accumulation steps of 64": the micro-batch is the second number, the batch held the first. */
    private static final Pattern ACCUMULATED = Pattern.compile("(?i)\\b\\d{1,4}\\s+(?:gradient\\s+)?accumulation"
            + "\\s+steps?\\s+of\\s+(\\d{1,5})\\b");

    static String of(String text, Facts held) {
        var acc = ACCUMULATED.matcher(text);
        if (acc.find() && held.batch() != null) {
            String said = change(true, held.batch(), count(acc.group(1)));
            if (said != null) return said;
        }
        var m = FROM_TO.matcher(text);
        while (m.find()) {
            boolean batch = m.group(1).toLowerCase(Locale.ROOT).startsWith("batch");
            Integer from = m.group(2) != null ? count(m.group(2)) : m.group(4) != null ? count(m.group(4))
                    : batch ? held.batch() : held.seqLen();
            String said = change(batch, from, count(m.group(3)));
            if (said != null) return said;
        }
        var k = THOUSANDS.matcher(text);
        if (k.find()) {
            return k.group(1) != null ? change(false, count(k.group(2) + "k"), count(k.group(1) + "k"))
                    : change(false, count(k.group(3) + "k"), count(k.group(4) + "k"));
        }
        return halved(text);
    }

    private static String change(boolean batch, Integer from, Integer to) {
        if (from == null || to == null || from <= 0 || to <= 0 || from.equals(to)) return null;
        double r = (double) to / from;
        return batch ? Messages.get("scaling.batch", from, to, ratio(r))
                : Messages.get("scaling.length", from, to, ratio(r), ratio(r * r));
    }

    /**
     * "halve the resolution" quarters what grows with the pixels; halving a count halves what grows with it, and
     * "half as many frames" is the same halving said as a count.
     */
    private static String halved(String text) {
        Matcher many = AS_MANY.matcher(text);
        if (many.find()) {
            boolean half = many.group(1).equalsIgnoreCase("half");
            return Messages.get(half ? "scaling.halve" : "scaling.twice", many.group(2), ratio(half ? 0.5 : 2));
        }
        Matcher h = HALVE.matcher(text);
        String what = h.find() ? h.group(1) : null;
        if (what == null) {
            Matcher the = HALF_THE.matcher(text);
            Matcher zh = HALVED_ZH.matcher(text);
            what = the.find() ? the.group(1) : zh.find() ? zh.group(1) : null;
        }
        if (what == null) return null;
        if (RADIUS.matcher(what).find()) return Messages.get("scaling.halve.radius", what, ratio(0.25), ratio(0.125));
        if (SQUARED.matcher(text).find() && !SIDE.matcher(what).find()) {
            return Messages.get("scaling.halve.square", what, ratio(0.5), ratio(0.25));
        }
        boolean sides = SIDE.matcher(what).find() || BOTH_SIDES.matcher(text).find();
        // a volume has three sides: halving each leaves an eighth of its voxels, not the quarter of an image's pixels
        if (sides && VOLUME.matcher(text).find()) return Messages.get("scaling.halve.volume", what, ratio(0.125));
        return sides
                ? Messages.get("scaling.halve.side", what, ratio(0.25))
                : Messages.get("scaling.halve", what, ratio(0.5));
    }

    /** ×0.50 (half), ×4.00 (4 times): the factor and the words people use for it. */
    static String ratio(double r) {
        String words = r == 0.5 ? Messages.get("scaling.half") : r == 0.25 ? Messages.get("scaling.quarter")
                : r == 2 ? Messages.get("scaling.double") : r >= 3 && r == Math.rint(r)
                ? Messages.get("scaling.times", (long) r) : r < 1 ? Messages.get("scaling.smaller", times(1 / r)) : "";
        return String.format(Locale.ROOT, "%.2f", r) + words;
    }

    /** 10 for a tenth, 8.2 for 32k out of 262k: how many times smaller, as people say it. */
    private static String times(double f) {
        return f == Math.rint(f) ? String.valueOf((long) f) : String.format(Locale.ROOT, "%.1f", f);
    }

    private static Integer count(String s) {
        if (s == null) return null;
        String d = s.toLowerCase(Locale.ROOT);
        long n = d.endsWith("k") ? Long.parseLong(d.substring(0, d.length() - 1)) * 1024 : Long.parseLong(d);
        return n > Integer.MAX_VALUE ? null : (int) n;
    }
}
