package io.oomdoc.protocol.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic an expert does when a follow-up changes an input's size: a convolutional network's activations grow
 * with the number of input elements, pixels (the side squared) for an image and voxels (the side cubed) for a volume,
 * so "how much more should a 1396 crop need than 1180?" is (1396/1180)² ≈ 1.40 and "192 instead of 128" for a 3D
 * crop is 1.5³ ≈ 3.4. The answer is the arithmetic in one line and the rule in one line; a question that names no
 * two sizes, no fraction of a side and no scale factor gets nothing from here.
 */
final class SpatialRatio {
    /** Between two sizes: the first is the new one ("1396 than 1180", "192 instead of 128", "640 vs 1024"). */
    private static final Pattern NEW_FIRST = Pattern.compile("(?i)\\bthan\\b|\\binstead of\\b|\\bvs\\.?|\\bversus\\b"
            + "|\\bcompared (?:to|with)\\b|\\bagainst\\b");
    /** Between two sizes: the second is the new one ("from 256,256,256 to 128,128,128", "1280x768 ... to 640x384"). */
    private static final Pattern NEW_SECOND = Pattern.compile("(?i)\\bto\\b|→|->");
    /** A change of size asked of one size, the other being the conversation's. */
    private static final Pattern CHANGE = Pattern.compile("(?i)\\bwhat if\\b|\\binstead\\b|\\bdrop|\\bgo(?:ing)? "
            + "(?:up |down |back )?to\\b|\\bcrop|\\bresiz|\\bswitch|\\breduc|\\blower|\\braise|\\bincreas"
            + "|\\bdownscal|\\bupscal|\\bdownsampl|\\bupsampl|\\btrain (?:at|on)\\b|\\buse\\b");
    /** "half the width and half the height", "halve both sides": each side halved. */
    private static final Pattern HALF_SIDES = Pattern.compile("(?i)\\bhal(?:f|ve) (?:the |its )?width and (?:half "
            + "(?:the |its )?)?(?:the |its )?height\\b|\\bhal(?:f|ve) (?:the |its )?height and (?:half (?:the |its )?)?"
            + "(?:the |its )?width\\b|\\bhalve both sides\\b|\\bhalf (?:of )?each side\\b");
    /** "upsampled to 1/4", "at 1/8 resolution": each side a fraction of the full size. */
    private static final Pattern SIDE_FRACTION = Pattern.compile("(?i)(?:\\b(?:to|at)\\s+|(?<![\\w/]))1/(\\d{1,2})"
            + "(?![\\d/])(?=[^.?!]{0,40}?(?:resolution|size|scale|side|width|height)|.{0,20}?(?:\\bsampl\\w*|\\bsize"
            + "|\\bresolution))|\\b(?:up|down)?sampl\\w*\\s+(?:only\\s+)?to\\s+1/(\\d{1,2})(?![\\d/])");
    /** "scale 1.0 than 0.6", "scale factor 0.9 instead of 0.6", "scale from 0.6 to 1.0". */
    private static final String FACTOR = "(\\d?\\.\\d+|\\d(?:\\.\\d+)?)(?![\\d.])";
    private static final Pattern SCALE = Pattern.compile("(?i)\\bscale(?:[-_ ]factor)?(?:\\s+(?:of|=|at))?\\s*"
            + FACTOR + "[^.?!\\d]{0,30}?(than|instead of|vs\\.?|versus|compared (?:to|with)|against)\\s+(?:scale\\s+)?"
            + "(?:at\\s+)?" + FACTOR + "|\\bscale(?:[-_ ]factor)?\\s+from\\s+" + FACTOR + "\\s+to\\s+" + FACTOR);
    private static final double MAX_SCALE = 4;
    /** "why is a 3D crop so much heavier than a 2D one?": a volume against one of its slices. */
    private static final Pattern THREE_VS_TWO = Pattern.compile("(?i)\\b3-?d\\b[^.?!]{0,60}\\b(?:than|vs\\.?|versus"
            + "|compared (?:to|with))\\s+(?:an?\\s+|the\\s+)?2-?d\\b");
    /** Two bare sides compared: one more or one fewer is no comparison of two. */
    private static final int TWO = 2;
    /** A factor exact to four decimals is shown whole. */
    private static final double EXACT = 10_000;

    private SpatialRatio() {}

    /** The arithmetic line and the rule line, or null when the turn compares no input sizes. */
    static String of(Calculations.Ask a) {
        String text = a.text();
        String earlier = a.earlier();
        String out = twoSizes(text);
        if (out == null) out = sizeAgainstEarlier(text, earlier);
        if (out == null) out = twoSides(text, earlier);
        if (out == null) out = sideFraction(text, earlier);
        if (out == null) out = scale(text);
        if (out == null) out = volumeAgainstSlice(text, earlier);
        return out;
    }

    /**
     * The ratio, unless it is an image's and {@link Resolutions} reads the same change (its line is the one the
     * conversation has always given); a volume's is always this one's, which cubes the side where that would square it.
     */
    static String unlessResolution(Calculations.Ask a) {
        String line = of(a);
        if (line == null || line.contains(Messages.get("spatial.rule.voxels"))) return line;
        return Resolutions.of(a) == null ? line : null;
    }

    /** "how much bigger is 1440x960 than 480x360?", "from 256,256,256 to 128,128,128". */
    private static String twoSizes(String text) {
        List<InputSizes.Size> sizes = InputSizes.sizes(text);
        for (int i = 0; i + 1 < sizes.size(); i++) {
            InputSizes.Size first = sizes.get(i), second = sizes.get(i + 1);
            if (first.dims().length != second.dims().length) continue;
            String between = text.substring(first.at(), second.at());
            if (NEW_FIRST.matcher(between).find()) return change(second, first);
            if (NEW_SECOND.matcher(between).find()) return change(first, second);
        }
        return null;
    }

    /** "he ran 1280x768 ... what if I drop to 640x384?": the size asked against the latest other one said. */
    private static String sizeAgainstEarlier(String text, String earlier) {
        List<InputSizes.Size> now = InputSizes.sizes(text);
        if (now.size() != 1 || !CHANGE.matcher(text).find()) return null;
        InputSizes.Size to = now.get(0);
        for (InputSizes.Size before : InputSizes.sizes(earlier)) {
            if (before.dims().length == to.dims().length && before.elements() != to.elements()) {
                return change(before, to);
            }
        }
        return null;
    }

    /**
     * "how much more should 1396 need than 1180?", "what if I use 192 instead of 128?": two bare sides, squared or
     * cubed as the sizes said before them are (one of them must be a side of a size said, or it is not a side).
     */
    private static String twoSides(String text, String earlier) {
        List<long[]> sides = InputSizes.sides(text);
        if (sides.size() != TWO) return null;
        long[] first = sides.get(0), second = sides.get(1);
        int dims = Math.max(InputSizes.dimensionsOf(first[0], earlier + "\n" + text),
                InputSizes.dimensionsOf(second[0], earlier + "\n" + text));
        if (dims == 0 || first[0] == second[0]) return null;
        String between = text.substring((int) first[1], (int) second[1]);
        InputSizes.Size a = InputSizes.square(first[0], dims, 0), b = InputSizes.square(second[0], dims, 1);
        if (NEW_FIRST.matcher(between).find()) return change(b, a);
        return NEW_SECOND.matcher(between).find() ? change(a, b) : null;
    }

    /** "crop to half the width and half the height", "upsampled only to 1/4": every side cut by the same fraction. */
    private static String sideFraction(String text, String earlier) {
        long per;
        if (HALF_SIDES.matcher(text).find()) {
            per = 2;
        } else {
            Matcher m = SIDE_FRACTION.matcher(text);
            if (!m.find()) return null;
            per = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
            if (per < 2) return null;
        }
        List<InputSizes.Size> said = InputSizes.sizes(earlier);
        int dims = said.isEmpty() ? 2 : said.get(0).dims().length;
        double r = Math.pow(1.0 / per, dims);
        return Messages.get("spatial.sides", "1/" + per, factor(r),
                Messages.get(dims == 3 ? "spatial.voxels" : "spatial.pixels"), words(r)) + "\n" + rule(dims == 3);
    }

    /** "how much more should scale 1.0 need than 0.6?": a resize factor acts on each side, so on pixels squared. */
    private static String scale(String text) {
        Matcher m = SCALE.matcher(text);
        if (!m.find()) return null;
        double now = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(5));
        double before = Double.parseDouble(m.group(1) != null ? m.group(3) : m.group(4));
        if (m.group(1) == null) { double t = now; now = before; before = t; }
        if (now <= 0 || before <= 0 || now > MAX_SCALE || before > MAX_SCALE || now == before) return null;
        double side = now / before, r = side * side;
        return Messages.get("spatial.scale", Sizes.trim(now), Sizes.trim(before), factor(side), factor(r), words(r))
                + "\n" + rule(false);
    }

    /** "why is a 3D crop so much heavier than a 2D one?": the crop said before, against one slice of it. */
    private static String volumeAgainstSlice(String text, String earlier) {
        if (!THREE_VS_TWO.matcher(text).find()) return null;
        for (InputSizes.Size s : InputSizes.sizes(earlier + "\n" + text)) {
            if (!s.volume()) continue;
            InputSizes.Size slice = new InputSizes.Size(new long[] {s.dims()[0], s.dims()[1]}, 0);
            return Messages.get("spatial.dimension", s.said(), count(s.elements()), slice.said(),
                    count(slice.elements()), factor(s.elements() / slice.elements())) + "\n" + rule(true);
        }
        return null;
    }

    private static String change(InputSizes.Size from, InputSizes.Size to) {
        if (from.elements() == to.elements()) return null;
        double r = to.elements() / from.elements();
        String unit = Messages.get(to.volume() ? "spatial.voxels" : "spatial.pixels");
        return Messages.get("spatial.change", from.said(), to.said(), count(from.elements()), count(to.elements()),
                unit, factor(r), words(r)) + "\n" + rule(to.volume());
    }

    private static String rule(boolean volume) {
        return Messages.get(volume ? "spatial.rule.voxels" : "spatial.rule.pixels");
    }

    /** 3.375, 0.125 and 0.0625 exactly (a ratio of squares or cubes often is), else two decimals: 1.4, 2.78. */
    static String factor(double r) {
        double tenThousandths = r * EXACT;
        if (Math.abs(tenThousandths - Math.rint(tenThousandths)) < 1e-6 && r < 10) {
            return String.format(Locale.ROOT, "%.4f", r).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return Sizes.trim(r);
    }

    /** "40% more", "8 times as many", "1/8: an eighth, 8 times fewer": the factor as people say it. */
    static String words(double r) {
        if (r >= 2) return Messages.get("spatial.times", factor(r));
        if (r > 1) return Messages.get("spatial.more", Math.round((r - 1) * 100));
        double inverse = 1 / r;
        if (Math.abs(inverse - Math.rint(inverse)) < 1e-6) {
            long n = Math.round(inverse);
            String name = switch ((int) Math.min(n, Integer.MAX_VALUE)) {
                case 2 -> Messages.get("spatial.half");
                case 3 -> Messages.get("spatial.third");
                case 4 -> Messages.get("spatial.quarter");
                case 8 -> Messages.get("spatial.eighth");
                case 16 -> Messages.get("spatial.sixteenth");
                default -> "";
            };
            return Messages.get("spatial.fewer.exact", n, name, n);
        }
        return Messages.get("spatial.fewer", Math.round(r * 100), Sizes.trim(inverse));
    }

    private static String count(double n) { return String.format(Locale.ROOT, "%,.0f", n); }
}
