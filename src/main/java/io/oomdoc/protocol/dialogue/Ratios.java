package io.oomdoc.protocol.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proportions a question asks for without a model: an image size against another ("how much bigger is 2048x1080 than
 * 1333x800?": activations of a convolutional network scale with the pixels), a value cut from A to B, and one item's
 * share of a total ("2000 episodes occupy 60G, how much is one?").
 */
final class Ratios {
    private static final Pattern TWO_SIZES = Pattern.compile("(?i)(?<![\\w.])(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})"
            + "(?![\\w.]).{0,40}?(?<![\\w.])(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})(?![\\w.])");
    // "from 5 seconds to 10 seconds", "from 25 frames to 240": the unit may be said once or twice
    private static final Pattern FROM_TO = Pattern.compile("(?i)\\bfrom\\s+(\\d+(?:\\.\\d+)?)\\s+(?:([a-z]+)\\s+)?"
            + "(?:down\\s+|up\\s+)?to\\s+(\\d+(?:\\.\\d+)?)(?![\\w.])(?:\\s+([a-z]+))?");
    /** "drop it to 12000", "raise it to 64": a count given to "it". */
    private static final Pattern IT_TO = Pattern.compile("(?i)\\b(?:drop|cut|lower|reduce|raise|increase|set|bring"
            + "|change|halve|double|put)\\s+it\\s+(?:down\\s+|up\\s+|back\\s+)?to\\s+(\\d{2,7})(?![\\w.,])");
    /** "they set it to 24000", "it was 4096": the count "it" had. */
    private static final Pattern IT_WAS = Pattern.compile("(?i)\\b(?:set|sets|setting|put|had|have|has|keep|kept)"
            + "\\s+it\\s+(?:to|at)\\s+(\\d{2,7})(?![\\w.,])"
            + "|\\bit\\s+(?:is|was)\\s+(?:set\\s+to\\s+)?(\\d{2,7})(?![\\w.,])");
    /**
     * "on 240 frames instead of 25", "--n_samples 1 instead of the default 3", "1200 instead of the 2000": the new
     * count first, the old one after. A number joined to a name ("ZeRO-2 instead of 3") or a stage is a setting's
     * level, not a count that scales.
     */
    private static final Pattern INSTEAD = Pattern.compile("(?i)(?<![\\w.-])(?<!stage )(\\d+(?:\\.\\d+)?)"
            + "(?:\\s+([a-z]+))?\\s+instead\\s+of\\s+(?:the\\s+|my\\s+)?(?:default\\s+(?:of\\s+)?)?"
            + "(\\d+(?:\\.\\d+)?)(?![\\w.])");
    /** "feed the 500 frames in chunks of 100": each pass holds the chunk, not the whole. */
    private static final Pattern CHUNKS = Pattern.compile("(?i)\\b(?:chunks?|batches|groups?|pieces|slices|windows"
            + "|segments|blocks) of (\\d{1,7})(?![\\w.,])");
    /** "volume by volume instead of keeping all 10", "one at a time": each pass holds one of them. */
    private static final Pattern ONE_BY_ONE = Pattern.compile("(?i)\\b([a-z]{3,}) by \\1\\b|\\bone at a time\\b");
    /** "all 10", "the 500 frames": how many there are in all. */
    private static final Pattern ALL = Pattern.compile("(?i)\\ball (?:the |of the )?(\\d{1,7})(?![\\w.,])");
    // "2 x 262144 tokens need 131072 MB": a count may come as a product (sequences times tokens each)
    private static final Pattern TOTAL = Pattern.compile("(?i)(?:(?<![\\w.])(\\d{1,4})\\s*[x×*]\\s*)?"
            + "(?<![\\w.])(\\d[\\d,]*)\\s+([a-z]+)\\s+(?:\\w+\\s+)?"
            + "(?:occup\\w*|takes?|take up|uses?|needs?|consumes?|fills?|holds?|is|are)\\s+(?:about\\s+|around\\s+|~)?"
            + "(\\d+(?:\\.\\d+)?)\\s*(tb|gb|gib|g|mb|mib|m)\\b");
    /** "a 4096x4096 image compared to 3072": a size against one side, the other side kept in proportion. */
    private static final Pattern SIZE_VS_SIDE = Pattern.compile("(?i)(?<![\\w.])(\\d{2,5})\\s*[x×]\\s*(\\d{2,5})"
            + "(?![\\w.]).{0,40}?\\b(?:compared (?:to|with)|than|vs\\.?|versus|instead of)\\s+(?:at\\s+)?"
            + "(\\d{2,5})(?![\\w.,]|\\s*[x×])");
    /** "the latent at 600 than at 512": two sides of an image, each a square. */
    private static final Pattern SIDE_VS_SIDE = Pattern.compile("(?i)\\bat\\s+(\\d{3,5})(?:\\s*px)?\\s+"
            + "(?:than|compared (?:to|with)|vs\\.?|versus|instead of)\\s+(?:at\\s+)?(\\d{3,5})(?![\\w.,])");
    /** Words that make a bare number a side of an image. */
    private static final Pattern IMAGE = Pattern.compile("(?i)\\b(?:latents?|images?|resolution|pixels?|px|photos?"
            + "|frames?|renders?)\\b");
    private static final Pattern ONE_FIRST = Pattern.compile("(?i)\\bhow (?:much|big)\\b.{0,40}\\b(?:one|each|per"
            + "|a single)\\s+[a-z]+\\b.{0,20}\\bif\\b");
    private static final Pattern ONE = Pattern.compile("(?i)\\b(?:one|each|per|a single|every single)\\b");

    private Ratios() {}

    static String of(Calculations.Ask said) {
        // "from 10,000 tokens to 3,000": a count written with thousands separators is one number
        Calculations.Ask a = new Calculations.Ask(ungrouped(said.text()), ungrouped(said.withContext()),
                said.facts());
        String t = a.text();
        String images = images(t);
        if (images != null) return images;
        String against = sizeAgainstEarlier(a);
        if (against != null) return against;
        String each = each(t);
        if (each != null) return each;
        if (Scaling.of(t, a.facts()) != null) return null;
        Matcher m = FROM_TO.matcher(t);
        // a unit said after "from" must be the one said after "to" when both are said ("from 4 GB to 8 bits" is not)
        if (m.find() && (m.group(2) == null || m.group(4) == null || m.group(2).equalsIgnoreCase(m.group(4)))) {
            return change(m.group(1), m.group(3));
        }
        m = INSTEAD.matcher(t);
        if (m.find()) return change(m.group(3), m.group(1));
        String part = partOfWhole(t);
        if (part != null) return part;
        String counted = countAgainstEarlier(a);
        return counted != null ? counted : itAgainstEarlier(a);
    }

    /** Two image sizes, a size against one side, or two sides of square images: their pixels' ratio, or null. */
    private static String images(String t) {
        Matcher m = TWO_SIZES.matcher(t);
        if (m.find()) {
            double first = Double.parseDouble(m.group(1)) * Double.parseDouble(m.group(2));
            double second = Double.parseDouble(m.group(3)) * Double.parseDouble(m.group(4));
            return Messages.get("ratio.pixels", m.group(1) + "×" + m.group(2), fmt(first),
                    m.group(3) + "×" + m.group(4), fmt(second), Sizes.trim(first / second));
        }
        m = SIZE_VS_SIDE.matcher(t);
        if (m.find()) {
            long w = Long.parseLong(m.group(1)), h = Long.parseLong(m.group(2)), side = Long.parseLong(m.group(3));
            long other = Math.round((double) h * side / w);
            return pixels(w, h, side, other);
        }
        m = SIDE_VS_SIDE.matcher(t);
        if (m.find() && IMAGE.matcher(t).find()) {
            long first = Long.parseLong(m.group(1)), second = Long.parseLong(m.group(2));
            return pixels(first, first, second, second);
        }
        return null;
    }

    /** A total for many things and the question about one of them: the total divided by the count, or null. */
    private static String each(String t) {
        Matcher m = TOTAL.matcher(t);
        // "how much KV does one token take if 2 x 262144 tokens need 131072 MB?": the one asked about may come first
        if (!m.find() || !ONE.matcher(t.substring(m.end())).find() && !ONE_FIRST.matcher(t.substring(0, m.start()))
                .find()) return null;
        double times = m.group(1) == null ? 1 : Double.parseDouble(m.group(1));
        double n = times * Double.parseDouble(m.group(2).replace(",", ""));
        double bytes = Double.parseDouble(m.group(4)) * unit(m.group(5));
        return n < 2 ? null : Messages.get("ratio.each", m.group(4) + " " + m.group(5).toUpperCase(Locale.ROOT),
                fmt(n), m.group(3), Sizes.human(bytes / n));
    }

    /** "10,000" as 10000; "2, 4 and 8" (no group of three digits after the comma) stays a list. */
    private static final Pattern GROUPED = Pattern.compile("(?<![\\d.])(?<!\\d,)\\d{1,3}(?:,\\d{3})+(?!\\d|,\\d)");

    static String ungrouped(String text) {
        return GROUPED.matcher(text).replaceAll(r -> r.group().replace(",", ""));
    }

    /** "8 frames instead of 16", "from 10,000 tokens to 3,000": the turn changes a count from one value to another. */
    static boolean statesChange(String text) {
        String t = ungrouped(text);
        Matcher from = FROM_TO.matcher(t);
        boolean fromTo = from.find() && (from.group(2) == null || from.group(4) == null
                || from.group(2).equalsIgnoreCase(from.group(4)));
        return fromTo || INSTEAD.matcher(t).find();
    }

    /** "1 image per GPU", "the 129-frame bucket", "61 frames": a count and what it counts. */
    private static final Pattern COUNT = Pattern.compile("(?i)(?<![\\w.,])(\\d{1,6})(?:\\s+|-)([a-z]{3,})\\b");
    /** A change asked for: the count after these words is the new value. */
    private static final Pattern CHANGES = Pattern.compile("(?i)\\bwhat if\\b|\\b(?:drop|cut|lower|reduce|raise"
            + "|increase|go down|go up|keep|use|switch|limit|cap)\\b");
    /** What a count of which does not scale the memory that grows with it: cards, units, bits, steps. */
    private static final java.util.Set<String> NOT_SCALING = java.util.Set.of("gpu", "card", "node", "machine",
            "bit", "byte", "layer", "epoch", "step", "iteration", "time", "worker", "thread", "core", "percent",
            "version", "hour", "minute", "day", "week", "month", "year", "people", "user", "parameter", "head",
            "dim", "billion", "million", "thousand",
            // "RTX 5090 with 32GB", "Ada 6000 and": a number before a word that is no noun counts nothing
            "with", "and", "for", "the", "from", "into", "instead", "more", "less", "than", "was", "are", "were",
            "had", "has", "have", "but", "which", "that", "this", "then", "also", "only", "just", "about");

    /**
     * "what if I drop to 1 image per GPU?" after "2 images per GPU", "what if I drop the 129-frame bucket and keep 61
     * frames at most?": the count asked for against the last other count of the same thing said before it (in the
     * turn or the turns before).
     */
    private static String countAgainstEarlier(Calculations.Ask a) {
        if (!CHANGES.matcher(a.text()).find()) return null;
        java.util.List<String[]> now = counts(a.text());
        if (now.isEmpty()) return null;
        String[] asked = now.get(now.size() - 1);
        // earlier in the same turn ("drop the 129-frame bucket and keep 61"), then the turns before, newest first
        for (int i = now.size() - 2; i >= 0; i--) {
            if (now.get(i)[1].equals(asked[1]) && !now.get(i)[0].equals(asked[0])) return change(now.get(i)[0],
                    asked[0]);
        }
        for (String[] before : counts(a.withContext().replace(a.text(), ""))) {
            if (before[1].equals(asked[1]) && !before[0].equals(asked[0])) return change(before[0], asked[0]);
        }
        return null;
    }

    /** Each count with what it counts, singular ("images" is "image"), leaving out what does not scale. */
    private static java.util.List<String[]> counts(String text) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        for (Matcher m = COUNT.matcher(text); m.find(); ) {
            String noun = m.group(2).toLowerCase(Locale.ROOT).replaceAll("(?<=[^s])s$", "");
            if (!NOT_SCALING.contains(noun) && !m.group(1).equals("0")) out.add(new String[] {m.group(1), noun});
        }
        return out;
    }

    /**
     * "they set it to 24000 ..." then "what if I drop it to 12000?": the value "it" had in the turns before, changed
     * to the one named now; counts only (a fraction such as a memory utilization is not a size that scales).
     */
    private static String itAgainstEarlier(Calculations.Ask a) {
        Matcher now = IT_TO.matcher(a.text());
        if (!now.find()) return null;
        String earlier = a.withContext().replace(a.text(), "");
        Matcher before = IT_WAS.matcher(earlier);
        if (before.find()) return change(before.group(1) != null ? before.group(1) : before.group(2), now.group(1));
        // "calls the backend with batch_size=256" then "what if I drop it to 32?": the one setting said before is "it"
        List<KnobChange.Setting> said = KnobChange.settings(earlier);
        if (said.size() != 1) return null;
        double was = said.get(0).value();
        return was == Math.rint(was) ? change(String.valueOf((long) was), now.group(1)) : null;
    }

    /**
     * "the 500 frames in chunks of 100", "volume by volume instead of keeping all 10": what one pass holds against what
     * the whole held at once.
     */
    private static String partOfWhole(String t) {
        Matcher chunk = CHUNKS.matcher(t);
        Matcher one = ONE_BY_ONE.matcher(t);
        boolean chunked = chunk.find();
        if (!chunked && !one.find()) return null;
        Matcher all = ALL.matcher(t);
        String whole = all.find() ? all.group(1) : null;
        if (whole == null) {
            List<String[]> counted = counts(chunked ? t.substring(0, chunk.start()) : t);
            if (!counted.isEmpty()) whole = counted.get(0)[0];
        }
        if (whole == null) return null;
        String each = chunked ? chunk.group(1) : "1";
        return Double.parseDouble(each) < Double.parseDouble(whole) ? change(whole, each) : null;
    }

    private static String pixels(long w, long h, long w2, long h2) {
        double first = (double) w * h, second = (double) w2 * h2;
        if (second <= 0 || first == second) return null;
        return Messages.get("ratio.pixels", w + "×" + h, fmt(first), w2 + "×" + h2, fmt(second),
                Sizes.trim(first / second));
    }

    private static String change(String said, String to) {
        double from = Double.parseDouble(said), next = Double.parseDouble(to);
        if (from <= 0 || next <= 0 || from == next) return null;
        double r = next / from;
        return Messages.get("ratio.change", said, to, Sizes.trim(r), words(r), words(r * r));
    }

    /** One size in the turn ("128x128x128 patches"), two or three dimensions of at least 8. */
    private static final Pattern ONE_SIZE = Pattern.compile("(?<![\\w.])(\\d{1,5}(?:\\s*[x×]\\s*\\d{1,5}){1,2})"
            + "(?![\\w.])");
    /** A size said before: "240 * 240 * 160", "(240, 240, 160, 4)", "512x512". */
    private static final Pattern EARLIER = Pattern.compile("(\\d{1,5}(?:\\s*[x×*,]\\s*\\d{1,5}){1,6})");
    private static final Pattern RESIZE = Pattern.compile("(?i)\\binstead\\b|\\bwhat if\\b|\\bpatch|\\bcrops?\\b"
            + "|\\btiles?\\b|\\bresolution\\b|\\bdownscal|\\bresiz");
    private static final int MIN_DIM = 8;

    /**
     * "what if I train on 128x128x128 patches instead" after a 240 x 240 x 160 volume: the new size against the one
     * said before, dimension for dimension (the channels that follow in a shape are left out).
     */
    private static String sizeAgainstEarlier(Calculations.Ask a) {
        if (!RESIZE.matcher(a.text()).find()) return null;
        Matcher one = ONE_SIZE.matcher(a.text());
        if (!one.find()) return null;
        long[] now = dims(one.group(1), Integer.MAX_VALUE);
        if (now == null) return null;
        String rest = a.withContext().replace(a.text(), "");
        for (Matcher m = EARLIER.matcher(rest); m.find(); ) {
            long[] before = dims(m.group(1), now.length);
            if (before == null || before.length < now.length || java.util.Arrays.equals(before, now)) continue;
            double r = product(now) / product(before);
            return Messages.get("ratio.earlier", join(now), fmt(product(now)), join(before), fmt(product(before)),
                    Sizes.trim(r), Math.round(r * 100));
        }
        return null;
    }

    /** The first {@code n} dimensions, each at least 8; null when fewer than two qualify. */
    private static long[] dims(String s, int n) {
        String[] parts = s.split("\\s*[x×*,]\\s*");
        if (parts.length < 2) return null;
        long[] out = new long[Math.min(n, parts.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(parts[i].strip());
            if (out[i] < MIN_DIM) return null;
        }
        return out;
    }

    private static double product(long[] d) {
        double p = 1;
        for (long x : d) p *= x;
        return p;
    }

    private static String join(long[] d) {
        StringBuilder sb = new StringBuilder();
        for (long x : d) sb.append(sb.length() == 0 ? "" : "×").append(x);
        return sb.toString();
    }

    /** 0.5 → "0.5× (half)": the proportion as people say it, beside the figure. */
    static String words(double r) {
        String w = r == 0.5 ? "half" : r == 0.25 ? "a quarter" : r == 2 ? "twice" : r == 4 ? "four times"
                : near(r, 0.5) ? "about half" : near(r, 2) ? "about twice"
                // "256 to 32": an eighth is said as people say it, how many times smaller ("a tenth, 10 times")
                : r < 1 && 1 / r == Math.rint(1 / r) ? fraction((long) (1 / r)) + (long) (1 / r) + " times smaller"
                : null;
        return Sizes.trim(r) + "×" + (w == null ? "" : " (" + w + ")");
    }

    /** "a third, " for 1/3: the fractions people name, before the count of times. */
    private static String fraction(long k) {
        return switch ((int) Math.min(k, Integer.MAX_VALUE)) {
            case 3 -> "a third, ";
            case 5 -> "a fifth, ";
            case 8 -> "an eighth, ";
            case 10 -> "a tenth, ";
            default -> "";
        };
    }

    /** Within a tenth of the proportion named: 61 of 129 frames is "about half". */
    private static boolean near(double r, double named) { return Math.abs(r - named) <= named / 10; }

    private static double unit(String u) {
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "tb" -> 1L << 40;
            case "mb", "mib", "m" -> 1L << 20;
            default -> 1L << 30;
        };
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%,.0f", v); }
}
