package io.oomdoc.protocol.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What if r=64?" after "LoraConfig(r=256, ...)": an adapter's parameters are r·(d_in + d_out) for each adapted
 * weight, so they, their gradients and their optimizer states scale with the rank; the frozen base and the activations
 * do not. With the trainable count said before ("trainable params: 408944640") the new count and its states (about 16
 * bytes a parameter under mixed-precision AdamW, StateBytes' full fine-tune) are the figures.
 */
final class AdapterRank {
    /** "r=64", "rank 16", "lora_r 16", "lora_rank=8", "at rank 4", "r: 32". */
    private static final Pattern RANK = Pattern.compile("(?i)(?<![\\w-])(?:lora[_-]?r(?:ank)?|r|rank)\\s*(?:=|:|of"
            + "|to)?\\s*(\\d{1,4})\\b(?!\\s*(?:gpus?|cards?|processes|nodes?)\\b)");
    /** "trainable params: 408944640", "408,944,640 trainable parameters". */
    private static final Pattern TRAINABLE = Pattern.compile("(?i)trainable\\s+param\\w*\\s*[:=]?\\s*(\\d[\\d,]{4,})"
            + "|(\\d[\\d,]{4,})\\s+trainable\\s+param");
    /** The turn changes something ("what if", "use", "set"): a rank reported as run is no change. */
    private static final Pattern PROPOSES = Pattern.compile("(?i)\\bwhat if\\b|\\bif (?:i|we)\\b|\\binstead\\b"
            + "|\\b(?:use|set|try|switch|change|drop|lower|raise|reduce|increase|cut|go to)\\b|^\\W*(?:and|or) ");
    private static final Pattern ADAPTERS = Pattern.compile("(?i)lora|adapter|peft|\\bqlora\\b|\\blokr\\b");

    private AdapterRank() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!PROPOSES.matcher(t).find()) return null;
        java.util.List<Integer> here = ranks(t);
        if (here.isEmpty()) return null;
        String earlier = a.earlier();
        if (!ADAPTERS.matcher(t + "\n" + earlier).find() && a.facts().loraRank() == null) return null;
        // "r=64 instead of r=256" names the new rank first; "from r=256 to r=64" the old one
        boolean from = here.size() > 1 && FROM.matcher(t).find();
        Integer now = here.get(from ? 1 : 0);
        Integer before = here.size() > 1 ? here.get(from ? 0 : 1) : rank(earlier);
        if (before == null) before = a.facts().loraRank();
        if (now <= 0) return null;
        if (before == null || before <= 0 || before.equals(now)) return null;
        double r = (double) now / before;
        String line = Messages.get("rank.change", before, now, Scaling.ratio(r));
        Matcher m = TRAINABLE.matcher(earlier);
        if (m.find()) {
            double was = Double.parseDouble((m.group(1) != null ? m.group(1) : m.group(2)).replace(",", ""));
            double bytes = StateBytes.of("").total();
            line += " " + Messages.get("rank.change.count", Sizes.count(was), Sizes.count(was * r),
                    Sizes.trim(bytes), Sizes.decimal(was * bytes), Sizes.decimal(was * r * bytes));
        }
        return line;
    }

    /** The last rank the text says: the newest value in a context read newest first is its first. */
    private static Integer rank(String text) {
        var all = ranks(text);
        return all.isEmpty() ? null : all.get(0);
    }

    private static java.util.List<Integer> ranks(String text) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        Matcher m = RANK.matcher(text);
        while (m.find()) out.add(Integer.valueOf(m.group(1)));
        return out;
    }

    private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\b");
}
