package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a set of images once decoded ("800 4k images as float tensors", "what if I downscale them to
 * 1920x1080"): count x width x height x channels x bytes per value. A decoded image is far bigger than its JPEG,
 * and a dataset that keeps every one in RAM is the usual host-memory kill; the count may come from an earlier turn.
 */
final class ImageSets {
    private static final Pattern COUNT = Pattern.compile("(?i)(?<![\\w.])(\\d[\\d,]*)\\s+(?:(?:4k|8k|2k|1080p|720p"
            + "|\\d{3,5}\\s*[x×]\\s*\\d{3,5}|hd|full[- ]hd|uhd|rgb|color|colour|high[- ]res(?:olution)?|large"
            + "|training)"
            + "\\s+){0,2}(?:images|frames|photos|pictures|views)\\b");
    private static final Pattern SIZE = Pattern.compile("(?i)(?<![\\w.])(\\d{3,5})\\s*[x×]\\s*(\\d{3,5})(?![\\w.])"
            + "|\\b(4k|8k|2k|1080p|720p|uhd|full[- ]hd)\\b");
    private static final Pattern FLOAT = Pattern.compile("(?i)\\bfloat(?:32)?\\b|\\bfp32\\b|\\btensors?\\b");
    private static final Pattern HALF = Pattern.compile("(?i)\\bfloat16\\b|\\bfp16\\b|\\bhalf\\b|\\bbf16\\b");
    private static final int CHANNELS = 3;

    private ImageSets() {}

    /** The decoded size of the images the turn (or, for the count, the turns before) names; null when none. */
    static String of(Calculations.Ask a) {
        // "and with 8 frames instead of 16?" asks what the change does: the ratio (Ratios) answers, not the decoded
        // size of the new set
        if (Ratios.statesChange(a.text())) return null;
        Matcher count = COUNT.matcher(a.text());
        boolean here = count.find();
        double n = here ? number(count) : 0;
        if (!here) {
            // "200 images was fine, with 800 it is killed": of the counts said before, the largest is the failing one.
            if (!SIZE.matcher(a.text()).find()) return null;
            for (Matcher m = COUNT.matcher(a.withContext()); m.find(); ) n = Math.max(n, number(m));
        }
        int[] wh = size(a.text(), here ? count.start() : 0);
        if (wh == null) wh = size(a.withContext(), 0);
        if (wh == null) return null;
        if (n < 2) return null;
        double pixels = n * wh[0] * wh[1] * CHANNELS;
        int bytes = HALF.matcher(a.text()).find() ? 2 : 4;
        return Messages.get("images.size", fmt(n), wh[0], wh[1], CHANNELS, bytes, Sizes.gb(pixels * bytes),
                Sizes.gb(pixels));
    }

    /** The first resolution in the text from {@code from} on: "1920x1080" or a name such as "4k". */
    private static int[] size(String text, int from) {
        Matcher m = SIZE.matcher(text);
        if (!m.find(from)) return null;
        if (m.group(3) != null) {
            // named sizes come from one table (dialogue/named-resolutions.tsv); "2k" has no row there: it is
            // 2048x1080 in cinema and 2560x1440 on monitors
            long[] wh = NamedResolutions.sizeOf(m.group(3));
            return wh == null ? null : new int[] {(int) wh[0], (int) wh[1]};
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static double number(Matcher m) { return Double.parseDouble(m.group(1).replace(",", "")); }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%,.0f", v); }
}
