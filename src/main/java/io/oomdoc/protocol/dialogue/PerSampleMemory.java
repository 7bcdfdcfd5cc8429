package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Why did the authors need 80 GB for batch 32?", "why does Cityscapes at batch 2 need more than VOC at batch 4?",
 * "why can't I assume the memory scales with the card?": a job's memory is a fixed part (weights, gradients, optimizer
 * states, the CUDA context) and activations that grow with the batch and with each sample's size. The answer puts the
 * user's own figures into that split: the most a sample can take at each batch said, and which of the two parts a
 * difference between two measurements points to.
 */
final class PerSampleMemory {
    /** The turn asks for the mechanism, not for a setting or a verdict. */
    private static final Pattern WHY = Pattern.compile("(?i)\\bwhy\\b|\\bhow come\\b");
    /** "batch size is 4", "at batch 32", "bs=16": a batch said with its value. */
    private static final Pattern BATCH = Pattern.compile("(?i)\\b(?:batch(?:[ _-]?size)?|bs)\\s*(?:is|of|=|:|at|to)?"
            + "\\s*(\\d{1,4})(?![\\d.]|\\s*(?:gb|gib|g|mb)\\b)");
    /** A memory size in gigabytes as people write it ("80 GB", "20G"). */
    private static final Pattern SIZE = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4}(?:\\.\\d+)?)\\s*(?:gb|gib|g)\\b");
    /** A size that names the card ("on my 32 GB", "24 GB card") is the room, not what the job needed. */
    private static final Pattern CARD_SIZE = Pattern.compile("(?i)\\bon (?:a |an |my |the |one )?$|^\\s*(?:\\w+ )?"
            + "(?:card|gpu|vram|v100|a100|a5000|3090|4090)\\b");
    /** The text says what a batch needed, used or took. */
    private static final Pattern NEED = Pattern.compile("(?i)\\b(?:need(?:s|ed)?|takes?|took|uses?|used|using"
            + "|consumes?|requires?|required|occup\\w*)\\b");
    /** "scales with the card", "proportional": the turn supposes all of the memory scales. */
    private static final Pattern SCALES = Pattern.compile("(?i)\\bscales?\\b|\\bproportional(?:ly)?\\b");
    /** A second measurement closer than this (in GB) to the first says nothing about the per-sample part. */
    private static final double LEAST_DIFFERENCE = 0.5;
    private static final int CONTEXT = 24;

    /** One measurement: a batch and the memory it was said to need. */
    record Measured(int batch, double gb) {
        double perSample() { return gb / batch; }
    }

    private PerSampleMemory() {}

    /** The split of the turn's figures into a fixed and a per-sample part; null when the turn asks nothing of it. */
    static String of(Calculations.Ask a) {
        String text = a.text();
        if (!WHY.matcher(text).find() || !BATCH.matcher(text).find()) return null;
        List<Measured> said = measured(text);
        if (said.isEmpty()) return SCALES.matcher(text).find() ? Messages.get("persample.scales") : null;
        if (said.size() == 1) {
            Measured m = said.get(0);
            return Messages.get("persample.one", gb(m.gb()), m.batch(), gb(m.perSample()));
        }
        Measured x = said.get(0), y = said.get(1);
        Measured big = x.batch() > y.batch() ? x : y, small = big == x ? y : x;
        if (big.gb() - small.gb() < LEAST_DIFFERENCE) {
            // the smaller batch needs as much or more: each of its samples is larger, the fixed part cannot say why
            return Messages.get("persample.larger", small.batch(), gb(small.gb()), gb(small.perSample()), big.batch(),
                    gb(big.gb()), gb(big.perSample()), ratio(small.perSample() / big.perSample()));
        }
        double perSample = (big.gb() - small.gb()) / (big.batch() - small.batch());
        double fixed = Math.max(0, small.gb() - perSample * small.batch());
        return Messages.get("persample.two", small.batch(), gb(small.gb()), big.batch(), gb(big.gb()), gb(perSample),
                gb(fixed));
    }

    /** The batches said with what they needed, at most one figure per batch, in the order said. */
    static List<Measured> measured(String text) {
        if (!NEED.matcher(text).find()) return List.of();
        List<int[]> spans = new ArrayList<>();
        Matcher b = BATCH.matcher(text);
        while (b.find()) spans.add(new int[] {b.start(), b.end(), Integer.parseInt(b.group(1))});
        List<Measured> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int batch = spans.get(i)[2];
            if (batch == 0 || out.stream().anyMatch(m -> m.batch() == batch)) continue;
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            Double gb = largestNeed(text, spans.get(i)[1], end);
            // "need 80 GB for batch 32": the figure before the only batch said belongs to it
            if (gb == null && i == 0) gb = largestNeed(text, 0, spans.get(i)[0]);
            if (gb != null) out.add(new Measured(batch, gb));
        }
        return out;
    }

    /** "over 12G but less 16G": the largest need said between two batches (the upper bound), not a card's size. */
    private static Double largestNeed(String text, int from, int to) {
        Matcher m = SIZE.matcher(text).region(from, to);
        Double best = null;
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - CONTEXT), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + CONTEXT));
            if (CARD_SIZE.matcher(before).find() || CARD_SIZE.matcher(after).find()) continue;
            double v = Double.parseDouble(m.group(1));
            if (v > 0 && (best == null || v > best)) best = v;
        }
        return best;
    }

    private static String gb(double v) {
        return v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f GB", v)
                : String.format(Locale.ROOT, "%.1f GB", v);
    }

    private static String ratio(double r) { return String.format(Locale.ROOT, "%.1f", r); }
}
