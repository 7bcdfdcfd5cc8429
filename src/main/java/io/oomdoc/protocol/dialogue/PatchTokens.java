package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How many tokens does 384 give than 224 for patch 16?", "how many tokens does one 1024x1024 image become in
 * Qwen2-VL?": a vision transformer cuts an image into square patches and each patch is one token, so the tokens are
 * (side / patch) squared, one more for a ViT's class token. Attention over them grows with their square, which is why
 * a modest change of resolution costs so much more memory than its pixels suggest.
 */
final class PatchTokens {
    /** The question counts tokens, or patches. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow many (?:more )?(?:visual |image )?(?:tokens"
            + "|patches)\\b");
    /** "patch 16", "patch size of 14", "ViT-B/16", "ViT-L/14", "14-pixel patches": the patch's side. */
    private static final Pattern PATCH = Pattern.compile("(?i)\\bpatch(?:[-_ ]size)?(?:\\s+(?:of|is|=))?\\s*(\\d{1,2})"
            + "(?!\\d)|\\bvit-?[a-z]{1,2}/(\\d{1,2})(?!\\d)|(?<![\\w.])(\\d{1,2})[- ]?(?:pixel|px)[- ]patch"
            // "16x16 patches"; "a 2x2 patch merge" joins patches, it does not cut them
            + "|(?<![\\w.])([4-9]|[1-9]\\d)\\s*[x×]\\s*\\4[- ]?(?:pixel |px )?patch(?:es)?\\b(?!\\s*merg)");
    /** "one clip of 16 frames", "8-frame clips": a video's frames, each cut into the same patches. */
    private static final Pattern FRAMES = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4})[- ]frames?\\b");
    /**
     * Models whose vision encoder merges patches into a fixed pixel square per token: Qwen2-VL and Qwen2.5-VL take
     * 14-pixel patches and merge 2 x 2 of them, so one token covers 28 x 28 pixels.
     */
    private static final Pattern QWEN_VL = Pattern.compile("(?i)\\bqwen[-_ ]?2(?:\\.5)?[-_ ]?vl\\b");
    private static final int QWEN_VL_PIXELS = 28;
    /** 384x384: both sides; or one side said alone ("384 ... than 224"). */
    private static final Pattern PAIR = Pattern.compile(Resolutions.WIDTH_BY_HEIGHT);
    private static final Pattern SIDE = Pattern.compile("(?<![\\w./-])(\\d{2,4})(?:\\s*px)?(?![\\w.]|\\s*[x×])");
    private static final int SMALLEST_SIDE = 64;

    private PatchTokens() {}

    /** The tokens of each image size named, and their ratio when two are named; null when no patch is known. */
    static String of(Calculations.Ask a) {
        String text = a.text();
        if (!ASKS.matcher(text).find()) return null;
        Matcher p = PATCH.matcher(text);
        boolean said = p.find();
        boolean qwen = QWEN_VL.matcher(a.withContext()).find();
        int patch = said ? Integer.parseInt(firstGroup(p)) : qwen ? QWEN_VL_PIXELS : 0;
        if (patch == 0) return null;
        // a ViT adds one class token; Qwen's merged patches carry none
        int extra = said && !qwen ? 1 : 0;
        List<int[]> sizes = sizes(text);
        if (sizes.isEmpty()) return null;
        List<String> lines = new ArrayList<>();
        double[] tokens = new double[sizes.size()];
        for (int i = 0; i < sizes.size(); i++) {
            int[] s = sizes.get(i);
            double grid = (double) s[0] / patch * s[1] / patch;
            tokens[i] = grid + extra;
            lines.add(Messages.get(extra == 1 ? "patch.tokens.cls" : "patch.tokens", s[0], s[1], patch,
                    count(grid), count(tokens[i])));
        }
        String out = String.join(" ", lines);
        Matcher frames = FRAMES.matcher(text);
        if (tokens.length == 1 && frames.find() && Long.parseLong(frames.group(1)) > 1) {
            long n = Long.parseLong(frames.group(1));
            double grid = tokens[0] - extra;
            out += " " + Messages.get("patch.frames", n, count(grid), count(n * grid));
        }
        if (tokens.length == 2) {
            double r = tokens[0] / tokens[1];
            out += " " + Messages.get("patch.ratio", Sizes.trim(r), Sizes.trim(r * r));
        }
        return out;
    }

    /** The patch's side from whichever spelling matched ("patch 16", "ViT-B/16", "16x16 patches"). */
    private static String firstGroup(Matcher p) {
        for (int g = 1; g <= p.groupCount(); g++) if (p.group(g) != null) return p.group(g);
        throw new IllegalStateException("a patch match without a side");
    }

    /** The image sizes in the order said: pairs first, else single sides (a square image), at most two. */
    private static List<int[]> sizes(String text) {
        List<int[]> out = new ArrayList<>();
        for (Matcher m = PAIR.matcher(text); m.find() && out.size() < 2; ) {
            int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
            if (w >= SMALLEST_SIDE && h >= SMALLEST_SIDE) out.add(new int[] {w, h});
        }
        if (!out.isEmpty()) return out;
        for (Matcher m = SIDE.matcher(text); m.find() && out.size() < 2; ) {
            int side = Integer.parseInt(m.group(1));
            if (side >= SMALLEST_SIDE) out.add(new int[] {side, side});
        }
        return out;
    }

    private static String count(double n) {
        return n == Math.rint(n) ? String.format(Locale.ROOT, "%,.0f", n) : String.format(Locale.ROOT, "%,.1f", n);
    }
}
