package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "what if I use --batchSize 10" after "--batchSize, default 100"; "beam 2" after "beam size of 4"; "num_beams=64"
 * after "num_beams=128": a setting given a new value in the turn, compared with the value the conversation gave it
 * before. Whatever the setting is, what grows with it scales by the ratio, and that ratio is the first thing an
 * expert says. A setting is known by its name in any spelling (flag, snake case, camel case, "beam size").
 */
final class KnobChange {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)(?![\\w.]*[a-z%])";
    /** A setting's name: a flag or identifier ("--reload_size", "num_beams", "batchSize") or "beam size". */
    private static final String NAME = "((?:--?)?[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*(?: size)?)";
    /** "num_beams=64", "beam 2", "--reload_size to 4000000", "batch size of 16", "--batchSize XX, default 100". */
    private static final Pattern SET = Pattern.compile("(?i)(?<![\\w-])" + NAME
            + "\\s*(?:=\\s*|:\\s*|\\s+(?:to|of|is|at|=)\\s+|\\s+|(?:\\s+\\w+)?,\\s*default\\s+)" + NUMBER);
    /** Words that take a number without being a setting ("step 3", "GPU 0", "epoch 2", "version 1"). */
    private static final Pattern NOT_SETTING = Pattern.compile("(?i)^(?:step|steps|gpu|gpus|cuda|epoch|epochs|iter"
            + "|iteration|version|python|torch|rank|line|node|layer|layers|process|pid|and|or|with|by|than|use|set"
            + "|from|to|of|is|at|if|what|only|about|around|maybe|keep|instead|but|the|a|an|it|in|on|for|x|v|p|k"
            + "|sm|cu|cc|bs|total|free|allocated|reserved|capacity|tried|allocate|card|vram|ram|memory|gb|gib|mb"
            + "|mib)$");

    /** The turn proposes the value ("what if", "use", "set ... to"); a value reported as having run is not a change. */
    private static final Pattern PROPOSES = Pattern.compile("(?i)\\bwhat if\\b|\\bif (?:i|we)\\b|\\binstead\\b"
            + "|\\b(?:use|set|try|switch|change|drop|lower|raise|reduce|increase|cut|go to|pass)\\b");

    private KnobChange() {}

    /** The change's line, or null when the turn sets no value the conversation gave another value before. */
    static String of(Calculations.Ask a) {
        if (!PROPOSES.matcher(a.text()).find()) return null;
        String earlier = a.withContext().replace(a.text(), "\n");
        boolean scaled = Scaling.of(a.text(), a.facts()) != null;
        for (Setting now : settings(a.text())) {
            // "keep batch 16 but use beam 2": a value kept is not the change; a batch or length change that the
            // budget's own proportion already reads is said there once.
            if (now.kept() || scaled && BUDGET_KEYS.matcher(now.key()).find()) continue;
            // a share of the card (vLLM's gpu_memory_utilization) grows the cache by far more than its own ratio:
            // the weights stay inside the share, so the Fractions and serving-pool lines say what it gives
            if (Fractions.namesShare(now.name())) continue;
            Setting before = null;
            for (Setting s : settings(earlier)) {
                if (s.key().equals(now.key())) { before = s; break; }
            }
            if (before == null || before.value() == now.value() || before.value() <= 0 || now.value() <= 0) continue;
            double r = now.value() / before.value();
            // "imgsz 768 → 1024": an image's side; the pixels, and what grows with them, scale by its square
            if (SIDE_KEYS.matcher(now.key()).matches()) {
                return Messages.get("knob.change.side", now.name(), trim(before.value()), trim(now.value()),
                        trim(r), Scaling.ratio(r * r));
            }
            return Messages.get("knob.change", now.name(), trim(before.value()), trim(now.value()),
                    Scaling.ratio(r));
        }
        return null;
    }

    record Setting(String name, String key, double value, boolean kept) {}

    /** Settings that give an image's side in pixels (YOLO's imgsz, img_size, input_size, crop_size). */
    private static final Pattern SIDE_KEYS = Pattern.compile("imgsz|imgsize|imagesize|img|inputsize|cropsize"
            + "|inputresolution|imageresolution");
    private static final Pattern BUDGET_KEYS = Pattern.compile("^(?:.*batch|seq|len|length|ctx|context|maxlength)");
    private static final Pattern KEEP = Pattern.compile("(?i)\\b(?:keep|keeping|leave|stay at|still)\\s+(?:the\\s+)?$");

    /** Every "name value" in the text, in order. */
    static List<Setting> settings(String text) {
        List<Setting> out = new ArrayList<>();
        Matcher m = SET.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String key = key(name);
            if (key.length() < 3 || NOT_SETTING.matcher(name.replaceFirst("^-+", "")).matches()) continue;
            boolean kept = KEEP.matcher(text.substring(Math.max(0, m.start() - 16), m.start())).find();
            out.add(new Setting(name.replaceFirst("^-+", ""), key, Double.parseDouble(m.group(2)), kept));
        }
        return out;
    }

    /** "num_beams", "beam size", "--beamSize" → "beam": one key for every spelling of a setting. */
    static String key(String name) {
        String k = name.replaceFirst("^-+", "").replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        k = k.replaceAll("^(?:num|n)[_-]", "").replaceAll("[_ -]?size$", "").replaceAll("[_ -]", "");
        return k.endsWith("s") && k.length() > 3 ? k.substring(0, k.length() - 1) : k;
    }

    private static String trim(double v) { return Sizes.trim(v); }
}
