package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change of image or video resolution ("what if I drop to 768x768?", "train at 640 instead of 1024"): what grows
 * with the pixels (activations, feature maps, latent tokens) scales by the ratio of the pixel counts, attention over
 * those tokens by its square; the weights stay. The resolution before the change is the one the same sentence gives
 * ("instead of 832x480", "from 1024 to 768") or else the last one the conversation named.
 */
final class Resolutions {
    /** An image's two sides, "768x768" or "1280×720" (groups 1 and 2); PatchTokens and ScaledNeed read them too. */
    static final String WIDTH_BY_HEIGHT = "(?<![\\w.])(\\d{2,5})\\s*[x×]\\s*(\\d{2,5})(?![\\w.])";
    /** 768x768, 1280×720, 720p: both sides said, or a video height that implies them. */
    private static final Pattern PAIR = Pattern.compile("(?i)" + WIDTH_BY_HEIGHT
            + "|(?<![\\w.])(480|540|576|720|1080|1440|2160)p\\b");
    /**
     * "at 640", "to 512px", "instead of 1024", "from an 800 to a 600 pixel side": one side of a square image, said
     * after a preposition (group 1); "224 px patches", "128px": a side said with its unit needs none (group 2).
     */
    private static final Pattern SIDE = Pattern.compile("(?i)(?:\\b(?:at|to|of|from)\\s+(?:an?\\s+|the\\s+)?"
            + "|(?:从|到|为|成)\\s*)(\\d{2,4})(?:\\s*(?:px|pixels?))?(?![\\w.%])"
            + "|(?<![\\w.])(\\d{2,4})\\s*(?:px|pixels?)\\b");
    /** What makes a bare number a side: images are what the conversation is about. */
    // "128px" has no word boundary before its unit; a patch's side ("patch 从 128 降到 64") is a square's side
    private static final Pattern IMAGES = Pattern.compile("(?i)\\bimg|image|imgsz|resolution|pixel|\\bpx\\b|\\dpx\\b"
            + "|\\bpatch(?:es)?\\b|photo"
            + "|picture|frames?\\b|video|\\d{3,5}\\s*[x×]\\s*\\d{3,5}|\\bsdxl\\b|diffusion|\\byolo|ultralytics"
            + "|\\bunet\\b|\\bvae\\b|segmentation|detection|分辨率|图像|图片|视频");
    /** ...and not tokens: "a context of 512 instead of 1024" is a length, left to {@link Scaling}. */
    private static final Pattern LENGTH = Pattern.compile("(?i)\\btokens?\\b|context|\\bseq|length|\\bctx\\b"
            + "|max_len|\\bbatch\\b|layers?\\b|steps?\\b|\\brank\\b|frames?\\b");
    /** The turn asks about a change, not about the cost of one resolution. */
    private static final Pattern CHANGE = Pattern.compile("(?i)\\bwhat if\\b|\\bif i\\b|\\binstead\\b|\\bdrop"
            + "|\\blower|\\breduc|\\bshrink|\\bdownscal|\\bupscal|\\braise|\\bincreas|\\bswitch|\\bgo(?:ing)? (?:up "
            + "|down )?to\\b|\\band (?:at|with)\\b|\\bfrom \\S+ to\\b"
            // the Chinese words for "if", "lower to", "change to", "raise to"
            + "|如果|降到|降低|改成|改为|换成|调到|提高到");
    /** "how much bigger is 2048 than the default 640?", "640 vs 1024": two sides compared, no change word needed. */
    private static final Pattern COMPARED = Pattern.compile("(?i)(?<![\\w.])(\\d{3,5})(?:\\s*px)?\\s+"
            + "(?:than|vs\\.?|versus|against)\\s+(?:the\\s+)?(?:default\\s+)?(\\d{3,5})(?![\\w.])");
    private static final Pattern INSTEAD = Pattern.compile("(?i)\\binstead of\\b");
    private static final Pattern FROM_TO = Pattern.compile("(?i)\\bfrom\\b|从");
    private static final Map<String, Integer> WIDTH_OF_HEIGHT = Map.of("480", 854, "540", 960, "576", 1024,
            "720", 1280, "1080", 1920, "1440", 2560, "2160", 3840);
    /** Sides below this are not image sizes ("8 frames", "batch 16"). */
    private static final int SMALLEST_SIDE = 64;
    private static final int LARGEST_SIDE = 16384;

    private Resolutions() {}

    /** One resolution said in a text, and where. */
    private record Size(int width, int height, int at) {
        long pixels() { return (long) width * height; }

        String said() { return width + "×" + height; }
    }

    /** "and 64^3?", "what about 96³?": a follow-up that names only the new value. */
    private static final Pattern ALSO = Pattern.compile("(?i)^\\s*(?:and|or|what about|how about|then)\\b");
    /** A volume's three sides: "96^3", "128³" (group 1) or "128x128x64" (groups 2 to 4). */
    private static final Pattern FLAGS = Pattern.compile("(?:-W|--width|\\bwidth\\s*[=:])\\s*(\\d{2,5})\\b.{0,40}?"
            + "(?:-H|--height|\\bheight\\s*[=:])\\s*(\\d{2,5})\\b");
    private static final Pattern NCHW = Pattern.compile("\\[\\s*\\d{1,4}\\s*,\\s*\\d{1,5}\\s*,\\s*(\\d{2,5})\\s*,"
            + "\\s*(\\d{2,5})\\s*\\]");
    private static final Pattern VOLUME = Pattern.compile("(?<![\\w.])(?:(\\d{2,4})\\s*(?:\\^\\s*3|³)"
            + "|(\\d{2,4})\\s*[x×]\\s*(\\d{2,4})\\s*[x×]\\s*(\\d{1,4}))(?![\\w.])");

    /** The ratio line, or null when the turn names no change of resolution. */
    static String of(Calculations.Ask a) {
        String text = a.text();
        String earlier = a.earlier();
        String volumes = volumes(text, earlier);
        if (volumes != null) return volumes;
        boolean sides = IMAGES.matcher(text + "\n" + earlier).find() && !LENGTH.matcher(text).find();
        Matcher compared = COMPARED.matcher(text);
        if (sides && compared.find()) {
            int now = Integer.parseInt(compared.group(1));
            int before = Integer.parseInt(compared.group(2));
            if (plausible(now) && plausible(before) && now != before) {
                return line(new Size(before, before, 0), new Size(now, now, 0));
            }
        }
        String times = timesMore(text, earlier);
        if (times != null) return times;
        if (!CHANGE.matcher(text).find()) return null;
        List<Size> here = sizes(text, sides);
        if (here.isEmpty()) return null;
        Size to = here.get(0);
        Size from = null;
        Matcher instead = INSTEAD.matcher(text);
        Matcher fromWord = FROM_TO.matcher(text);
        if (instead.find()) {
            to = before(here, instead.start());
            from = after(here, instead.end());
        } else if (fromWord.find() && here.size() > 1) {
            from = after(here, fromWord.end());
            to = from == null ? to : after(here, from.at() + 1);
        }
        if (from == null && here.size() == 1) {
            List<Size> before = sizes(earlier, IMAGES.matcher(earlier).find());
            final Size target = to;
            from = before.stream().filter(s -> s.pixels() != target.pixels()).findFirst().orElse(null);
        }
        if (from == null || to == null || from.pixels() == to.pixels()) return null;
        return line(from, to);
    }

    /**
     * "what if I go down to 96^3?" after a 128^3 patch: a 3-D input's voxels scale with the product of its three
     * sides, so a three-quarter side leaves 42% of what grows with them.
     */
    private static String volumes(String text, String earlier) {
        if (!CHANGE.matcher(text).find() && !ALSO.matcher(text).find()) return null;
        List<long[]> here = volumeList(text);
        if (here.isEmpty()) return null;
        long[] to = here.get(0);
        long[] from = null;
        // "96^3 instead of 128^3" names the new one first; "from 128^3 to 96^3" the old one
        if (here.size() > 1 && INSTEAD.matcher(text).find()) from = here.get(1);
        else if (here.size() > 1 && FROM_TO.matcher(text).find()) { from = here.get(0); to = here.get(1); }
        if (from == null) {
            // the conversation's earliest volume is the setup's; later ones were what-ifs too ("and 64^3?" after
            // "what if I go down to 96^3?" both compare with the 128^3 that ran)
            List<long[]> before = volumeList(earlier);
            final long target = to[0] * to[1] * to[2];
            from = before.stream().filter(v -> v[0] * v[1] * v[2] != target).reduce((x, y) -> y).orElse(null);
        }
        if (from == null) return null;
        double r = (double) (to[0] * to[1] * to[2]) / (from[0] * from[1] * from[2]);
        if (r == 1) return null;
        return Messages.get("scaling.voxels", said(from), said(to), Scaling.ratio(r));
    }

    private static List<long[]> volumeList(String text) {
        List<long[]> out = new ArrayList<>();
        Matcher v = VOLUME.matcher(text);
        while (v.find()) {
            if (v.group(1) != null) {
                long n = Long.parseLong(v.group(1));
                out.add(new long[]{n, n, n});
            } else {
                out.add(new long[]{Long.parseLong(v.group(2)), Long.parseLong(v.group(3)), Long.parseLong(v.group(4))});
            }
        }
        return out;
    }

    private static String said(long[] v) {
        return v[0] == v[1] && v[1] == v[2] ? v[0] + "³" : v[0] + "×" + v[1] + "×" + v[2];
    }

    /** "how many times more pixels are mine?", "how much bigger is mine": a ratio asked, not a change proposed. */
    private static final Pattern TIMES = Pattern.compile("(?i)\\bhow many times\\b|\\bhow much (?:more|bigger|larger"
            + "|smaller)\\b");

    /**
     * "the paper used 576x576 inputs. how many times more pixels are mine?" after the user's 3400x1600: the one
     * resolution in the turn against the other one the conversation named, as the ratio of the pixels.
     */
    private static String timesMore(String text, String earlier) {
        if (!TIMES.matcher(text).find()) return null;
        List<Size> here = sizes(text, false);
        if (here.size() != 1) return null;
        Size said = here.get(0);
        Size other = sizes(earlier, false).stream().filter(s -> s.pixels() != said.pixels()).findFirst()
                .orElse(null);
        return other == null ? null : line(said, other);
    }

    private static String line(Size from, Size to) {
        double r = (double) to.pixels() / from.pixels();
        return Messages.get("scaling.pixels", from.said(), to.said(), Scaling.ratio(r), Scaling.ratio(r * r));
    }

    private static Size before(List<Size> sizes, int at) {
        Size last = null;
        for (Size s : sizes) if (s.at() < at) last = s;
        return last;
    }

    private static Size after(List<Size> sizes, int at) {
        return sizes.stream().filter(s -> s.at() >= at).findFirst().orElse(null);
    }

    /** Every resolution in the text in order: pairs always, single sides only when {@code sides}. */
    private static List<Size> sizes(String text, boolean sides) {
        List<Size> out = new ArrayList<>();
        Matcher p = PAIR.matcher(text);
        while (p.find()) {
            if (p.group(3) != null) {
                int h = Integer.parseInt(p.group(3));
                out.add(new Size(WIDTH_OF_HEIGHT.get(p.group(3)), h, p.start()));
            } else {
                int w = Integer.parseInt(p.group(1));
                int h = Integer.parseInt(p.group(2));
                if (plausible(w) && plausible(h)) out.add(new Size(w, h, p.start()));
            }
        }
        // "-W 1024 -H 1024", "--width 768 --height 512": a size set by its two flags
        addPlausible(FLAGS.matcher(text), 1, 2, out);
        // "f32[1,64,1080,1920]": a 4-D image tensor's shape ends in its height and width (NCHW)
        addPlausible(NCHW.matcher(text), 2, 1, out);
        if (sides) {
            // A side within a pair ("at 768x768") is that pair's; one beside another side ("from 1024 to 768") is its
            // own, so only the pairs are compared.
            List<Size> pairs = List.copyOf(out);
            Matcher s = SIDE.matcher(text);
            while (s.find()) {
                int g = s.group(1) != null ? 1 : 2;
                int side = Integer.parseInt(s.group(g));
                boolean inPair = pairs.stream().anyMatch(o -> Math.abs(o.at() - s.start(g)) < 12);
                if (plausible(side) && !inPair) out.add(new Size(side, side, s.start(g)));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Size::at));
        return out;
    }

    /** Each match's width and height (the groups named), when both are plausible sides. */
    private static void addPlausible(Matcher m, int widthGroup, int heightGroup, List<Size> out) {
        while (m.find()) {
            int w = Integer.parseInt(m.group(widthGroup));
            int h = Integer.parseInt(m.group(heightGroup));
            if (plausible(w) && plausible(h)) out.add(new Size(w, h, m.start()));
        }
    }

    private static boolean plausible(int side) {
        return side >= SMALLEST_SIDE && side <= LARGEST_SIDE;
    }
}
