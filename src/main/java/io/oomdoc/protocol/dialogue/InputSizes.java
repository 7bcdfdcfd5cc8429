package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input sizes a question names, as an expert reads them before comparing two: an image "1280x768", a volume
 * "128x128x128" or "256,256,256", and a bare side ("1396 than 1180") whose number of dimensions the conversation's
 * earlier sizes tell (a side of a 3D crop is cubed, a side of an image squared).
 */
final class InputSizes {
    /** One size: its dimensions (two for an image, three for a volume) and where the text says it. */
    record Size(long[] dims, int at) {
        double elements() {
            double p = 1;
            for (long d : dims) p *= d;
            return p;
        }

        String said() {
            StringBuilder sb = new StringBuilder();
            for (long d : dims) sb.append(sb.length() == 0 ? "" : "×").append(d);
            return sb.toString();
        }

        boolean volume() { return dims.length == 3; }
    }

    /**
     * "1280x768", "128x128x128", "32*32", "(240, 240, 160, 4)", "256,256,256": two or three sides of 8 or more; a
     * trailing colour or channel count below 8 is not a side, a list in brackets ("filters [32, 64]") is no size, and a
     * sentence's full stop after it ("generates 768x768.") does not hide it.
     */
    private static final Pattern SIZE = Pattern.compile("(?<![\\w.,\\[])(?<!\\[\\s?)\\(?(\\d{2,5})(\\s*[x×*,]\\s*)"
            + "(\\d{2,5})(?:\\s*[x×*,]\\s*(\\d{2,5}))?(?:\\s*[x×*,]\\s*\\d(?![\\d.]))?\\)?"
            + "(?![\\w\\]]|\\.\\d|\\s*[x×*,]\\s*\\d)");
    /** A bare side: a number of two to five digits that is no size's part, no amount of memory and no percent. */
    private static final Pattern SIDE = Pattern.compile("(?i)(?<![\\w.,×*])(\\d{2,5})(?:\\s*px)?(?![\\w,%]|\\.\\d"
            + "|\\s*(?:[x×*]|[kmgt]i?b\\b|g\\b|gigs?\\b|tokens?\\b|steps?\\b|layers?\\b|epochs?\\b|%|percent))");
    private static final int MIN_SIDE = 8;
    /** "a 2560-wide one", "1920 pixels wide": a width alone, whose height the other image compared with gives. */
    private static final Pattern WIDE = Pattern.compile("(?i)(?<![\\w.])(\\d{3,5})(?:\\s*(?:px|pixels?))?[- ]wide\\b");

    private InputSizes() {}

    /** Every size the text says, in order. */
    static List<Size> sizes(String text) {
        List<Size> out = new ArrayList<>();
        for (Matcher m = SIZE.matcher(text); m.find(); ) {
            long[] dims = m.group(4) == null ? new long[] {num(m.group(1)), num(m.group(3))}
                    : new long[] {num(m.group(1)), num(m.group(3)), num(m.group(4))};
            if (Arrays.stream(dims).anyMatch(d -> d < MIN_SIDE)) continue;
            // "16,777,216" and "65,536" are counts written with separators: a size by commas has equal sides or a
            // space after each comma ("240, 240, 160")
            boolean commas = m.group(2).strip().equals(",");
            if (commas && !m.group(2).endsWith(" ") && Arrays.stream(dims).distinct().count() > 1) continue;
            out.add(new Size(dims, m.start()));
        }
        out.addAll(NamedResolutions.in(text));
        out.sort(Comparator.comparingInt(Size::at));
        return widths(text, out);
    }

    /**
     * The sizes with each width said alone added at the aspect of the nearest image said (a 4K frame is 16:9, so a
     * "2560-wide one" compared with it is 2560x1440); a width with no image to take an aspect from is no size.
     */
    private static List<Size> widths(String text, List<Size> sizes) {
        List<Size> images = sizes.stream().filter(z -> !z.volume()).toList();
        if (images.isEmpty()) return sizes;
        List<Size> out = new ArrayList<>(sizes);
        for (Matcher m = WIDE.matcher(text); m.find(); ) {
            int at = m.start();
            Size near = images.stream().min(Comparator.comparingInt(z -> Math.abs(z.at() - at))).orElseThrow();
            long width = num(m.group(1));
            out.add(new Size(new long[] {width, Math.round((double) width * near.dims()[1] / near.dims()[0])}, at));
        }
        out.sort(Comparator.comparingInt(Size::at));
        return out;
    }

    /** The bare sides of the text (numbers not inside a size), each with where it is said. */
    static List<long[]> sides(String text) {
        List<Size> sizes = sizes(text);
        List<long[]> out = new ArrayList<>();
        for (Matcher m = SIDE.matcher(text); m.find(); ) {
            int at = m.start(1);
            boolean inSize = sizes.stream().anyMatch(s -> at >= s.at() && at <= s.at() + s.said().length() + 8);
            long v = num(m.group(1));
            if (!inSize && v >= MIN_SIDE) out.add(new long[] {v, at});
        }
        return out;
    }

    /**
     * The number of dimensions a bare side has in this conversation: that of the latest size said before (newest
     * first in {@code earlier}) of which it is a side; 0 when no size said names it.
     */
    static int dimensionsOf(long side, String earlier) {
        for (Size s : sizes(earlier)) {
            if (Arrays.stream(s.dims()).anyMatch(d -> d == side)) return s.dims().length;
        }
        return 0;
    }

    /** A square (or cube) of the side in the number of dimensions given. */
    static Size square(long side, int dimensions, int at) {
        long[] dims = new long[dimensions];
        Arrays.fill(dims, side);
        return new Size(dims, at);
    }

    private static long num(String s) { return Long.parseLong(s.strip()); }
}
